/** Login state that is not an account: codes sent to phones, and auth keys half-way through 2FA. */
import { randomBytes, randomInt } from "node:crypto";
import { RpcFailure } from "../contract.ts";
import type { SrpChallenge } from "./srp.ts";

/** How long a login code stays valid, as on Telegram (a few minutes). */
export const LOGIN_CODE_LIFETIME_MS = 5 * 60_000;
/** Digits of a login code. */
export const LOGIN_CODE_LENGTH = 5;

interface SentCode {
  code: string;
  phoneCodeHash: string;
  sentAt: number;
}

/** Login codes and per-auth-key login progress. */
export class Logins {
  readonly #codes = new Map<string, SentCode>();
  /** Auth keys that passed the code step of an account with 2FA. */
  readonly #awaitingPassword = new Map<string, number>();
  readonly #challenges = new Map<string, SrpChallenge>();

  /** Sends (remembers) a new code for `phone`, replacing the previous one. */
  sendCode(phone: string): { phoneCodeHash: string } {
    const sent: SentCode = {
      code: String(randomInt(10 ** LOGIN_CODE_LENGTH)).padStart(
        LOGIN_CODE_LENGTH,
        "0",
      ),
      phoneCodeHash: randomBytes(9).toString("hex"),
      sentAt: Date.now(),
    };
    this.#codes.set(phone, sent);
    return { phoneCodeHash: sent.phoneCodeHash };
  }

  /** The last code sent to `phone`, for the control API. */
  lastCode(phone: string): string | undefined {
    return this.#codes.get(phone)?.code;
  }

  /** Checks `code` against the last one sent to `phone`; a used, replaced or old code has expired. */
  checkCode(
    phone: string,
    phoneCodeHash: string,
    code: string | undefined,
  ): void {
    if (!phoneCodeHash) throw new RpcFailure(400, "PHONE_CODE_HASH_EMPTY");
    if (!code) throw new RpcFailure(400, "PHONE_CODE_EMPTY");
    const sent = this.#codes.get(phone);
    if (
      !sent || sent.phoneCodeHash !== phoneCodeHash ||
      Date.now() - sent.sentAt > LOGIN_CODE_LIFETIME_MS
    ) {
      throw new RpcFailure(400, "PHONE_CODE_EXPIRED");
    }
    if (sent.code !== code) throw new RpcFailure(400, "PHONE_CODE_INVALID");
  }

  /** Makes the code of `phone` unusable (after a successful sign-in). */
  consumeCode(phone: string): void {
    const sent = this.#codes.get(phone);
    if (sent) sent.sentAt = -Infinity;
  }

  awaitPassword(authKeyId: string, accountId: number): void {
    this.#awaitingPassword.set(authKeyId, accountId);
  }

  /** The account whose password this auth key must give, if it is half-way through 2FA. */
  awaitingPassword(authKeyId: string): number | undefined {
    return this.#awaitingPassword.get(authKeyId);
  }

  /** Forgets the auth key's login progress (logged in or out). */
  finish(authKeyId: string): void {
    this.#awaitingPassword.delete(authKeyId);
    this.#challenges.delete(authKeyId);
  }

  /** Remembers the SRP challenge of the auth key's latest `account.getPassword`. */
  setChallenge(authKeyId: string, challenge: SrpChallenge): void {
    this.#challenges.set(authKeyId, challenge);
  }

  challenge(authKeyId: string): SrpChallenge | undefined {
    return this.#challenges.get(authKeyId);
  }
}
