/**
 * Which chat each message id belongs to, for the message boxes Telegram
 * numbers per account (private chats and basic groups): their deletions
 * (`updateDeleteMessages`) carry ids only, and MTKruto's `deletedMessages`
 * names the chat of each. Kept in the client's sqlite file, so deletions
 * after a restart still find their chats.
 */
import {
  SessionDatabase,
  sessionDatabaseOf,
} from "../../storage/session_database.ts";

const SCHEMA = `
create table if not exists gateway_message_chats (
  message_id integer primary key,
  chat_id integer not null
);`;

/** Rows kept: the newest messages; a deletion of an older one is not delivered (as in MTKruto, when a message is unknown). */
const MAX_ROWS = 200_000;

// Trimming on every write would cost a query per message.
const TRIM_EVERY = 1_000;

/** The message id → chat id map of one account. */
export class MessageChats {
  readonly #db: SessionDatabase;
  readonly #ownsDatabase: boolean;
  #writes = 0;

  /** Opens the map in the client's database (or in its own, given a path). */
  constructor(database: SessionDatabase | string) {
    ({ database: this.#db, owned: this.#ownsDatabase } = sessionDatabaseOf(
      database,
    ));
    this.#db.exec(SCHEMA);
  }

  /** Remembers that `messageId` (in the account's common box) is in `chatId`. */
  remember(messageId: number, chatId: number): void {
    // In the write batch of the update that names the message: one commit per burst, not per message.
    this.#db.batch(() =>
      this.#db.prepare(
        "insert or replace into gateway_message_chats (message_id, chat_id) values (?, ?)",
      ).run(messageId, chatId)
    );
    if (++this.#writes >= TRIM_EVERY) {
      this.#writes = 0;
      this.#db.prepare(
        "delete from gateway_message_chats where message_id <= (select message_id from gateway_message_chats order by message_id desc limit 1 offset ?)",
      ).run(MAX_ROWS);
    }
  }

  /** The chat of each known id (unknown ids are left out), in the order given. */
  chatsOf(
    messageIds: readonly number[],
  ): { chatId: number; messageId: number }[] {
    const select = this.#db.prepare(
      "select chat_id from gateway_message_chats where message_id = ?",
    );
    const found: { chatId: number; messageId: number }[] = [];
    for (const messageId of messageIds) {
      const row = select.get(messageId) as { chat_id: number } | undefined;
      if (row) found.push({ chatId: Number(row.chat_id), messageId });
    }
    return found;
  }

  /** Closes the database if it is the map's own. */
  close(): void {
    if (this.#ownsDatabase) this.#db.close();
  }
}
