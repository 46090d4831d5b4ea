/** `account.*` for the account's own profile: names, bio, username, online status, and a bot's business connections. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import { isValidUsername } from "../accounts.ts";
import type { Account } from "../accounts.ts";
import { isModerator } from "../chats.ts";
import { type DeliveryContext, now } from "../emit.ts";
import { resolveChannel } from "../peers.ts";
import { toTlBusinessConnection } from "../profile_business.ts";
import { heldUsernames } from "../profile_usernames.ts";
import type { WorldState } from "../state.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
  usersOnly,
} from "./types.ts";

/** Telegram's limits for names and a non-premium bio. */
const MAX_NAME_LENGTH = 64;
const MAX_ABOUT_LENGTH = 70;

/** Pushes a non-pts update to the account's sessions other than the caller's (which gets the call's result instead). */
export function pushToOwnSessions(
  ctx: DeliveryContext,
  accountId: number,
  update: tl.TypeUpdate,
): void {
  ctx.sessions.push(
    accountId,
    { _: "updateShort", update, date: now() },
    ctx.caller,
  );
}

/** `updateUserName` for the account's other sessions after its name or usernames changed. */
export function announceName(
  ctx: AuthorizedContext,
  account: Account,
): void {
  pushToOwnSessions(ctx, account.id, {
    _: "updateUserName",
    userId: account.id,
    firstName: account.firstName,
    lastName: account.lastName ?? "",
    usernames: heldUsernames(account).map((held) => ({
      _: "username",
      editable: held.editable || undefined,
      active: held.active || undefined,
      username: held.username,
    })),
  });
}

/** Whether another peer than `self` holds `username` (accounts and chats, collectibles too). */
function heldByOther(
  state: WorldState,
  username: string,
  self: { username?: string },
): boolean {
  const own = self.username?.toLowerCase() === username.toLowerCase();
  return !own &&
    (state.accounts.holdsUsername(username) ||
      state.chats.holdsUsername(username));
}

/** `account.checkUsername` / `channels.checkUsername`: true when the username could be set; errors otherwise. */
function checkFree(
  state: WorldState,
  username: string,
  self: { username?: string },
): true {
  if (!isValidUsername(username)) {
    throw new RpcFailure(400, "USERNAME_INVALID");
  }
  if (heldByOther(state, username, self)) {
    throw new RpcFailure(400, "USERNAME_OCCUPIED");
  }
  return true;
}

/** Handlers of the profile methods. */
export const profileHandlers: HandlerTable = {
  "account.updateProfile": usersOnly((ctx, params) => {
    const { self } = ctx;
    const firstName = params.firstName?.trim();
    const lastName = params.lastName?.trim();
    if (
      firstName !== undefined &&
      (firstName === "" || firstName.length > MAX_NAME_LENGTH)
    ) {
      throw new RpcFailure(400, "FIRSTNAME_INVALID");
    }
    if (lastName !== undefined && lastName.length > MAX_NAME_LENGTH) {
      throw new RpcFailure(400, "LASTNAME_INVALID");
    }
    if (params.about !== undefined && params.about.length > MAX_ABOUT_LENGTH) {
      throw new RpcFailure(400, "ABOUT_TOO_LONG");
    }
    if (firstName !== undefined) self.firstName = firstName;
    if (lastName !== undefined) self.lastName = lastName || undefined;
    if (params.about !== undefined) self.about = params.about || undefined;
    if (firstName !== undefined || lastName !== undefined) {
      announceName(ctx, self);
    }
    return ctx.state.accounts.toTlUser(self, self.id);
  }),
  "account.updateUsername": usersOnly((ctx, params) => {
    const { self, state } = ctx;
    const username = params.username;
    if (username === "") {
      if (self.username === undefined) {
        throw new RpcFailure(400, "USERNAME_NOT_MODIFIED");
      }
      self.username = undefined;
    } else {
      if (!isValidUsername(username)) {
        throw new RpcFailure(400, "USERNAME_INVALID");
      }
      if (self.username === username) {
        throw new RpcFailure(400, "USERNAME_NOT_MODIFIED");
      }
      if (heldByOther(state, username, self)) {
        throw new RpcFailure(400, "USERNAME_OCCUPIED");
      }
      self.username = username;
    }
    announceName(ctx, self);
    return state.accounts.toTlUser(self, self.id);
  }),
  "account.checkUsername": usersOnly((ctx, params) =>
    checkFree(ctx.state, params.username, ctx.self)
  ),
  "channels.checkUsername": usersOnly((ctx, params) => {
    const chat = resolveChannel(ctx.state, ctx.self.id, params.channel);
    if (!isModerator(chat, ctx.self.id)) {
      throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
    }
    return checkFree(ctx.state, params.username, chat);
  }),
  "account.updateStatus": usersOnly((ctx, params) => {
    ctx.self.presence = { online: !params.offline, date: now() };
    return true;
  }),
  // documented for users too, though only a connection's bot gets one back
  "account.getBotBusinessConnection": loggedIn((ctx, params) => {
    const connection = ctx.state.businessConnections.requireOf(
      ctx.self.id,
      params.connectionId,
    );
    return {
      _: "updates",
      updates: [{
        _: "updateBotBusinessConnect",
        connection: toTlBusinessConnection(connection),
        // the update as it was logged: the bot has its qts already
        qts: ctx.state.updates.qts(ctx.self.id),
      }],
      users: ctx.state.users([connection.userId], ctx.self.id),
      chats: [],
      date: now(),
      seq: 0,
    };
  }),
};
