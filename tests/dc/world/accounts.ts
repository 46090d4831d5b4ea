/** The emulator's accounts (bots and users) and how each viewer sees them. */
import { createHmac, randomBytes } from "node:crypto";
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import {
  type Contact,
  contactView,
  type Presence,
  statusSeenBy,
} from "./contacts_book.ts";
import { now } from "./emit.ts";
import { type ProfileExtras, userExtrasTl } from "./profile_extra.ts";
import {
  holdsUsername,
  tlUsernames,
  type UsernameSlot,
} from "./profile_usernames.ts";
import type { PasswordVerifier } from "./srp.ts";

/** A bot or a user of the emulated Telegram. */
export interface Account {
  readonly id: number;
  readonly kind: "bot" | "user";
  firstName: string;
  lastName?: string;
  /** The bio (`userFull.about`). */
  about?: string;
  /** The editable username (collectible ones are in `usernameSlots`). */
  username?: string;
  /** Set once the account holds collectible usernames (see `profile_usernames.ts`). */
  usernameSlots?: UsernameSlot[];
  /** The user who created the bot, who may edit it (bots only). */
  ownerId?: number;
  /** The last `account.updateStatus` (users only). */
  presence?: Presence;
  /** The account's contacts by user id, as it saved them. */
  readonly contacts: Map<number, Contact>;
  /** The peers the account blocked, by peer key, with when (Unix seconds). */
  readonly blocked: Map<number, number>;
  /** The peers kept from the account's stories only (`my_stories_from`), likewise. */
  readonly blockedFromStories: Map<number, number>;
  /** Digits only, as mtcute normalizes them. */
  phone?: string;
  /** `<id>:<secret>`, bots only. */
  botToken?: string;
  /** The SRP verifier of the 2FA password, users only. */
  password?: PasswordVerifier;
  /** Bot commands keyed by scope and language (see `commandsKey`). */
  readonly botCommands: Map<string, tl.RawBotCommand[]>;
  /** Birthday, personal channel, emoji status and colors (see `profile_extra.ts`). */
  extras?: ProfileExtras;
}

/** What the control API gives to create a bot. */
export interface NewBot {
  username: string;
  firstName?: string;
  /** The user who created it with BotFather. */
  ownerId?: number;
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
  createBot({ username, firstName, ownerId }: NewBot): Account {
    this.#checkUsername(username);
    if (!username.toLowerCase().endsWith("bot")) {
      throw new RpcFailure(400, "USERNAME_INVALID");
    }
    if (ownerId !== undefined && this.get(ownerId)?.kind !== "user") {
      throw new RpcFailure(400, "USER_ID_INVALID");
    }
    const id = this.#nextId++;
    return this.#add({
      id,
      kind: "bot",
      firstName: firstName ?? username,
      username,
      ownerId,
      botToken: `${id}:${randomTokenSecret()}`,
      botCommands: new Map(),
      contacts: new Map(),
      blocked: new Map(),
      blockedFromStories: new Map(),
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
      contacts: new Map(),
      blocked: new Map(),
      blockedFromStories: new Map(),
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

  /** The account an active username (editable or collectible) resolves to. */
  byUsername(username: string): Account | undefined {
    return this.all().find((account) =>
      holdsUsername(account, username, { activeOnly: true })
    );
  }

  /** Whether any account holds `username`, active or not. */
  holdsUsername(username: string): boolean {
    return this.all().some((account) => holdsUsername(account, username));
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

  /** The TL `user` object of `target` as `viewerId` sees it (names of contacts as the viewer saved them). */
  toTlUser(target: Account, viewerId: number): tl.RawUser {
    const isBot = target.kind === "bot";
    return {
      _: "user",
      self: target.id === viewerId,
      bot: isBot,
      botInfoVersion: isBot ? 1 : undefined,
      botCanEdit: (isBot && target.ownerId === viewerId) || undefined,
      id: target.id,
      accessHash: this.accessHash(viewerId, target.id),
      ...contactView(target, this.#byId.get(viewerId)),
      ...tlUsernames(target),
      status: statusSeenBy(target, viewerId, now()),
      ...userExtrasTl(target, now()),
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
    if (this.holdsUsername(username)) {
      throw new RpcFailure(400, "USERNAME_OCCUPIED");
    }
  }

  #add(account: Account): Account {
    this.#byId.set(account.id, account);
    return account;
  }
}
