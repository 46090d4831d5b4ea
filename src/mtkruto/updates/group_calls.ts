/**
 * The access hash of each group call the account learned of, by call id:
 * MTKruto's video chat methods take the id alone (the decimal string of
 * `VideoChat.id`), and Telegram wants the hash beside it. Learned from
 * `updateGroupCall` (which the chat's members get when a call starts,
 * changes or ends, and which the account's own calls answer) and forgotten
 * when the call is discarded, as MTKruto does. Kept in the client's sqlite
 * file, so the ids still work after a restart.
 */
import { Long, type tl } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import {
  SessionDatabase,
  sessionDatabaseOf,
} from "../../storage/session_database.ts";

const SCHEMA = `
create table if not exists gateway_group_calls (
  call_id text primary key,
  access_hash text not null
);`;

/** The group call id → access hash map of one account. */
export class GroupCallHashes {
  readonly #db: SessionDatabase;
  readonly #ownsDatabase: boolean;

  /** Opens the map in the client's database (or in its own, given a path). */
  constructor(database: SessionDatabase | string) {
    ({ database: this.#db, owned: this.#ownsDatabase } = sessionDatabaseOf(
      database,
    ));
    this.#db.exec(SCHEMA);
  }

  /** Remembers the call's access hash, or forgets it once the call is discarded. */
  learn(call: tl.TypeGroupCall): void {
    if (call._ === "groupCallDiscarded") {
      this.#db.prepare("delete from gateway_group_calls where call_id = ?")
        .run(call.id.toString());
      return;
    }
    this.#db.prepare(
      "insert or replace into gateway_group_calls (call_id, access_hash) values (?, ?)",
    ).run(call.id.toString(), call.accessHash.toString());
  }

  /** The `inputGroupCall` of a known call id, or undefined. */
  inputCall(id: string): tl.RawInputGroupCall | undefined {
    const row = this.#db.prepare(
      "select access_hash from gateway_group_calls where call_id = ?",
    ).get(id) as { access_hash: string } | undefined;
    if (!row) return undefined;
    return {
      _: "inputGroupCall",
      id: Long.fromString(id),
      accessHash: Long.fromString(row.access_hash),
    };
  }

  /** Closes the database if it is the map's own. */
  close(): void {
    if (this.#ownsDatabase) this.#db.close();
  }
}

const HASHES = new WeakMap<TelegramClient, GroupCallHashes>();

/** Makes `hashes` the store the video chat methods of `client` read. */
export function registerGroupCallHashes(
  client: TelegramClient,
  hashes: GroupCallHashes,
): void {
  HASHES.set(client, hashes);
}

/** The store of `client`, if its host registered one. */
export function groupCallHashesOf(
  client: TelegramClient,
): GroupCallHashes | undefined {
  return HASHES.get(client);
}
