/**
 * Who a session file is logged in as, read straight from mtcute's tables
 * without a network call, so that listing endpoints is instant and works
 * offline (and next to a running server: sqlite's WAL lets readers in).
 */
import type { tl } from "@mtcute/core";
import { __tlReaderMap, TlBinaryReader } from "@mtcute/core/utils.js";
import { DatabaseSync } from "node:sqlite";

/** The account a session belongs to, as far as the session itself knows. */
export interface SessionAccount {
  userId: number;
  /** First and last name, when the session has the account's user object. */
  displayName?: string;
  username?: string;
}

/** mtcute's key for the logged-in user (CurrentUserService in @mtcute/core). */
const CURRENT_USER_KEY = "current_user";
/** The only layout mtcute 0.30 writes for that value. */
const CURRENT_USER_VERSION = 1;
const HAS_USERNAMES = 2;

/**
 * Reads the account of the session at `path`; undefined when the session is
 * not logged in. Throws if the file is not a readable mtcute session.
 */
export function readSessionAccount(path: string): SessionAccount | undefined {
  // Read-write on purpose: a read-only connection cannot clean up the WAL
  // files it creates, and plain SELECTs write nothing anyway.
  const db = new DatabaseSync(path);
  try {
    const row = db.prepare("select value from key_value where key = ?").get(
      CURRENT_USER_KEY,
    ) as { value?: Uint8Array } | undefined;
    const current = row?.value ? parseCurrentUser(row.value) : undefined;
    if (!current) return undefined;
    const peer = db.prepare("select complete from peers where id = ?").get(
      current.userId,
    ) as { complete?: Uint8Array | null } | undefined;
    const user = peer?.complete ? parseUser(peer.complete) : undefined;
    const displayName = user
      ? [user.firstName, user.lastName].filter(Boolean).join(" ")
      : undefined;
    return {
      userId: current.userId,
      displayName: displayName || undefined,
      username: user?.username ?? current.usernames[0],
    };
  } finally {
    db.close();
  }
}

function parseCurrentUser(
  data: Uint8Array,
): { userId: number; usernames: string[] } | undefined {
  if (data.length === 0) return undefined;
  const reader = TlBinaryReader.manual(data);
  if (reader.int() !== CURRENT_USER_VERSION) return undefined;
  const flags = reader.int();
  const userId = reader.int53();
  const usernames: string[] = [];
  if (flags & HAS_USERNAMES) {
    const count = reader.int();
    for (let i = 0; i < count; i++) usernames.push(reader.string());
  }
  return { userId, usernames };
}

function parseUser(data: Uint8Array): tl.RawUser | undefined {
  try {
    const object = TlBinaryReader.deserializeObject<tl.TlObject>(
      __tlReaderMap,
      data,
    );
    return object._ === "user" ? object as tl.RawUser : undefined;
  } catch {
    // The name is a nicety: a peer row we cannot read just leaves it out.
    return undefined;
  }
}
