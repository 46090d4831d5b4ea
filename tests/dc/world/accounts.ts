/** The emulator's accounts (bots and users) and how each viewer sees them. */
import { createHmac, randomBytes } from "node:crypto";
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { PasswordVerifier } from "./srp.ts";

/** A bot or a user of the emulated Telegram. */
export interface Account {
  readonly id: number;
  readonly kind: "bot" | "user";
  firstName: string;
  username?: string;
  /** Digits only, as mtcute normalizes them. */
  phone?: string;
  /** `<id>:<secret>`, bots only. */
  botToken?: string;
  /** The SRP verifier of the 2FA password, users only. */
  password?: PasswordVerifier;
  /** Bot commands keyed by scope and language (see `commandsKey`). */
  readonly botCommands: Map<string, tl.RawBotCommand[]>;
}

/** What the control API gives to create a bot. */
export interface NewBot {
  username: string;
  firstName?: string;
}

/** What the control API gives to create a user. */
export interface NewUser {
  phone: string;
  firstName: string;
  username?: string;
  password?: PasswordVerifier;
}

const FIRST_ACCOUNT_ID = 1_000_001;
const TOKEN_SECRET_ALPHABET =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
const TOKEN_SECRET_LENGTH = 35;

/** Strips everything but digits, as mtcute's `normalizePhoneNumber` does. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, "");
}

/** Whether `phone` (already normalized) looks like a phone number. */
export function isValidPhone(phone: string): boolean {
  return /^\d{5,15}$/.test(phone);
}

/** Telegram's username rule: 5–32 of [A-Za-z0-9_], starting with a letter. */
export function isValidUsername(username: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]{4,31}$/.test(username);
}

function randomTokenSecret(): string {
  const bytes = randomBytes(TOKEN_SECRET_LENGTH);
  return Array.from(
    bytes,
    (byte) => TOKEN_SECRET_ALPHABET[byte % TOKEN_SECRET_ALPHABET.length],
  ).join("");
}

/** All accounts, indexed by id, username, phone and bot token. */
export class Accounts {
  readonly #byId = new Map<number, Account>();
  readonly #hashSecret = randomBytes(32);
  #nextId: number;

  /** `firstId` lets a reset world avoid reusing ids that stale sessions may still be logged in as. */
  constructor(firstId = FIRST_ACCOUNT_ID) {
    this.#nextId = firstId;
  }

  /** The id the next account will get. */
  get nextId(): number {
    return this.#nextId;
  }

  /** Creates a bot; its username must be valid, free and end in "bot". */
  createBot({ username, firstName }: NewBot): Account {
    this.#checkUsername(username);
    if (!username.toLowerCase().endsWith("bot")) {
      throw new RpcFailure(400, "USERNAME_INVALID");
    }
    const id = this.#nextId++;
    return this.#add({
      id,
      kind: "bot",
      firstName: firstName ?? username,
      username,
      botToken: `${id}:${randomTokenSecret()}`,
      botCommands: new Map(),
    });
  }

  /** Creates a user; the phone must be valid and free, the username (if any) valid and free. */
  createUser({ phone, firstName, username, password }: NewUser): Account {
    const normalized = normalizePhone(phone);
    if (!isValidPhone(normalized)) {
      throw new RpcFailure(400, "PHONE_NUMBER_INVALID");
    }
    if (this.byPhone(normalized)) {
      throw new RpcFailure(400, "PHONE_NUMBER_OCCUPIED");
    }
    if (!firstName.trim()) throw new RpcFailure(400, "FIRSTNAME_INVALID");
    if (username !== undefined) this.#checkUsername(username);
    return this.#add({
      id: this.#nextId++,
      kind: "user",
      firstName,
      username,
      phone: normalized,
      password,
      botCommands: new Map(),
    });
  }

  get(id: number): Account | undefined {
    return this.#byId.get(id);
  }

  /** Like `get`, but an unknown id is an error. */
  require(id: number): Account {
    const account = this.#byId.get(id);
    if (!account) throw new RpcFailure(400, "USER_ID_INVALID");
    return account;
  }

  all(): Account[] {
    return [...this.#byId.values()];
  }

  byUsername(username: string): Account | undefined {
    const wanted = username.toLowerCase();
    return this.all().find((account) =>
      account.username?.toLowerCase() === wanted
    );
  }

  byPhone(phone: string): Account | undefined {
    const wanted = normalizePhone(phone);
    return this.all().find((account) => account.phone === wanted);
  }

  byToken(token: string): Account | undefined {
    return this.all().find((account) =>
      account.kind === "bot" && account.botToken === token
    );
  }

  /** The access hash `viewerId` uses for `targetId`: stable, different per viewer, as on Telegram. */
  accessHash(viewerId: number, targetId: number): Long {
    const digest = createHmac("sha256", this.#hashSecret).update(
      `${viewerId}:${targetId}`,
    ).digest();
    return Long.fromBytesLE([...digest.subarray(0, 8)]);
  }

  /** The TL `user` object of `target` as `viewerId` sees it. */
  toTlUser(target: Account, viewerId: number): tl.RawUser {
    const isSelf = target.id === viewerId;
    return {
      _: "user",
      self: isSelf,
      bot: target.kind === "bot",
      botInfoVersion: target.kind === "bot" ? 1 : undefined,
      id: target.id,
      accessHash: this.accessHash(viewerId, target.id),
      firstName: target.firstName,
      username: target.username,
      phone: isSelf ? target.phone : undefined,
      status: target.kind === "user"
        ? { _: "userStatusRecently", byMe: false }
        : undefined,
    };
  }

  /** TL `user` objects for the given ids (unknown ones skipped, duplicates removed). */
  toTlUsers(ids: Iterable<number>, viewerId: number): tl.RawUser[] {
    const unique = new Set(ids);
    return [...unique].flatMap((id) => {
      const account = this.#byId.get(id);
      return account ? [this.toTlUser(account, viewerId)] : [];
    });
  }

  #checkUsername(username: string): void {
    if (!isValidUsername(username)) {
      throw new RpcFailure(400, "USERNAME_INVALID");
    }
    if (this.byUsername(username)) {
      throw new RpcFailure(400, "USERNAME_OCCUPIED");
    }
  }

  #add(account: Account): Account {
    this.#byId.set(account.id, account);
    return account;
  }
}
