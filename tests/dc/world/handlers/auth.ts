/**
 * Login: `auth.*` and `account.getPassword`. Unknown phones get a code like on
 * Telegram, and `auth.signIn` answers `auth.authorizationSignUpRequired`;
 * `auth.signUp` then creates the user.
 */
import { randomBytes } from "node:crypto";
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import { type Account, isValidPhone, normalizePhone } from "../accounts.ts";
import { LOGIN_CODE_LENGTH } from "../logins.ts";
import { createSrpChallenge, passwordAlgo, verifySrpProof } from "../srp.ts";
import {
  anyone,
  type HandlerContext,
  type HandlerTable,
  loggedIn,
} from "./types.ts";

/** Logs the caller's auth key in as `account` and answers like Telegram. */
function authorize(
  ctx: HandlerContext,
  account: Account,
): tl.auth.RawAuthorization {
  ctx.state.logins.finish(ctx.call.session.authKeyId);
  ctx.call.authorize(account.id);
  return {
    _: "auth.authorization",
    user: ctx.state.accounts.toTlUser(account, account.id),
  };
}

function validPhone(phone: string): string {
  const normalized = normalizePhone(phone);
  if (!isValidPhone(normalized)) {
    throw new RpcFailure(400, "PHONE_NUMBER_INVALID");
  }
  return normalized;
}

/** The user whose password the caller must give: the one its 2FA login is waiting for, or itself. */
function passwordOwner(ctx: HandlerContext): Account {
  const awaiting = ctx.state.logins.awaitingPassword(
    ctx.call.session.authKeyId,
  );
  const account = awaiting === undefined
    ? ctx.self
    : ctx.state.accounts.get(awaiting);
  if (!account) throw new RpcFailure(401, "AUTH_KEY_UNREGISTERED");
  if (account.kind === "bot") throw new RpcFailure(400, "BOT_METHOD_INVALID");
  return account;
}

function getPassword(ctx: HandlerContext): tl.account.RawPassword {
  const account = passwordOwner(ctx);
  const common = {
    _: "account.password",
    newAlgo: passwordAlgo(),
    newSecureAlgo: {
      _: "securePasswordKdfAlgoSHA512",
      salt: new Uint8Array(randomBytes(8)),
    },
    secureRandom: new Uint8Array(randomBytes(32)),
  } as const;
  if (!account.password) return { ...common, hasPassword: false };
  const challenge = createSrpChallenge(account.password);
  ctx.state.logins.setChallenge(ctx.call.session.authKeyId, challenge);
  return {
    ...common,
    hasPassword: true,
    currentAlgo: passwordAlgo(account.password),
    srpB: challenge.srpB,
    srpId: challenge.srpId,
    hint: account.password.hint,
  };
}

function checkPassword(
  ctx: HandlerContext,
  params: tl.auth.RawCheckPasswordRequest,
): tl.auth.RawAuthorization {
  const account = passwordOwner(ctx);
  const authKeyId = ctx.call.session.authKeyId;
  const challenge = ctx.state.logins.challenge(authKeyId);
  const input = params.password;
  if (
    !challenge || input._ !== "inputCheckPasswordSRP" ||
    !challenge.srpId.eq(input.srpId)
  ) {
    throw new RpcFailure(400, "SRP_ID_INVALID");
  }
  // every attempt needs a fresh account.getPassword, as on Telegram
  ctx.state.logins.setChallenge(authKeyId, {
    ...challenge,
    srpId: challenge.srpId.not(),
  });
  if (
    !account.password || !verifySrpProof(account.password, challenge, input)
  ) {
    throw new RpcFailure(400, "PASSWORD_HASH_INVALID");
  }
  return authorize(ctx, account);
}

/** Handlers of login (`auth` namespace and `account.getPassword`). */
export const authHandlers: HandlerTable = {
  "auth.importBotAuthorization": anyone((ctx, params) => {
    const bot = ctx.state.accounts.byToken(params.botAuthToken);
    if (!bot) throw new RpcFailure(400, "ACCESS_TOKEN_INVALID");
    return authorize(ctx, bot);
  }),
  "auth.sendCode": anyone((ctx, params) => {
    const phone = validPhone(params.phoneNumber);
    const { phoneCodeHash } = ctx.state.logins.sendCode(phone);
    return {
      _: "auth.sentCode",
      type: { _: "auth.sentCodeTypeApp", length: LOGIN_CODE_LENGTH },
      phoneCodeHash,
    };
  }),
  "auth.signIn": anyone((ctx, params) => {
    const phone = validPhone(params.phoneNumber);
    ctx.state.logins.checkCode(phone, params.phoneCodeHash, params.phoneCode);
    const account = ctx.state.accounts.byPhone(phone);
    if (!account) return { _: "auth.authorizationSignUpRequired" };
    ctx.state.logins.consumeCode(phone);
    if (account.password) {
      ctx.state.logins.awaitPassword(ctx.call.session.authKeyId, account.id);
      throw new RpcFailure(401, "SESSION_PASSWORD_NEEDED");
    }
    return authorize(ctx, account);
  }),
  "auth.signUp": anyone((ctx, params) => {
    const phone = validPhone(params.phoneNumber);
    const sentCode = ctx.state.logins.lastCode(phone);
    ctx.state.logins.checkCode(phone, params.phoneCodeHash, sentCode);
    ctx.state.logins.consumeCode(phone);
    return authorize(
      ctx,
      ctx.state.accounts.createUser({ phone, firstName: params.firstName }),
    );
  }),
  "account.getPassword": anyone(getPassword),
  "auth.checkPassword": anyone(checkPassword),
  "auth.logOut": loggedIn((ctx) => {
    ctx.state.logins.finish(ctx.call.session.authKeyId);
    ctx.call.authorize(undefined);
    return { _: "auth.loggedOut" };
  }),
};
