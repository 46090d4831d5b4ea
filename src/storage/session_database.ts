/**
 * A client's sqlite file, opened by one connection shared by everything kept
 * in it (mtcute's session tables and the gateway's update queue, settings and
 * caches), and closed after a few seconds unused. Each connection costs ~170
 * KiB (page cache, lookaside, schema), so with four connections per client
 * sqlite was the largest part of a hosted client's memory; an idle client now
 * costs none. Statements survive a close: each is prepared again, on the next
 * connection, when first used.
 */
import { DatabaseSync } from "node:sqlite";
import { WriteBatch } from "./write_batch.ts";

/** Values a statement binds (node:sqlite's). */
export type SqlValue = null | number | bigint | string | Uint8Array;

/** A prepared statement that outlives the connection it was prepared on. */
export interface SessionStatement {
  run(...params: SqlValue[]): { changes: number | bigint };
  get(...params: SqlValue[]): Record<string, unknown> | undefined;
  all(...params: SqlValue[]): Record<string, unknown>[];
}

/** Options of `SessionDatabase`. */
export interface SessionDatabaseOptions {
  /** Close the connection after this long unused, in ms (0: never). */
  idleCloseMs?: number;
}

/** How long a connection stays open unused by default. */
export const DEFAULT_IDLE_CLOSE_MS = 5_000;

/**
 * Most connections open at once in a thread by default (each holds three
 * files: the database, its WAL and its shared memory). A wave of calls to
 * thousands of clients (a restart, setWebhook for each) would otherwise open
 * one per client within the idle time and run out of file descriptors; past
 * this, opening one closes the least recently used.
 */
export const MAX_OPEN_DATABASES = 256;

let maxOpen = MAX_OPEN_DATABASES;

/** Sets how many connections this thread keeps open at most (the server derives it from the open-file limit). */
export function limitOpenDatabases(count: number): void {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`Invalid open database limit: ${count}`);
  }
  maxOpen = count;
  while (open.size > maxOpen) closeLeastRecentlyUsed();
}

/** The open databases, swept for idle ones by one timer per thread. */
const open = new Set<SessionDatabase>();
let sweeper: ReturnType<typeof setInterval> | undefined;

/** How many session databases this thread has open now. */
export function openDatabaseCount(): number {
  return open.size;
}

/** Closes the least recently used open database (when too many are open). */
function closeLeastRecentlyUsed(): void {
  let oldest: SessionDatabase | undefined;
  for (const each of open) {
    if (!oldest || each.lastUsed < oldest.lastUsed) oldest = each;
  }
  oldest?.closeIfIdle(Infinity);
}

function watch(database: SessionDatabase, idleCloseMs: number): void {
  if (open.size >= maxOpen) closeLeastRecentlyUsed();
  open.add(database);
  if (sweeper) return;
  sweeper = setInterval(() => {
    const now = performance.now();
    for (const each of open) each.closeIfIdle(now);
    if (open.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }, Math.max(idleCloseMs / 2, 50));
  // Idle connections alone must not keep a thread alive.
  Deno.unrefTimer(sweeper);
}

/** One client's database; see the module comment. */
export class SessionDatabase {
  #db: DatabaseSync | undefined;
  readonly #statements = new Map<string, ReturnType<DatabaseSync["prepare"]>>();
  readonly #idleCloseMs: number;
  #lastUsed = 0;
  #closed = false;
  readonly #batch: WriteBatch;

  constructor(
    readonly path: string,
    { idleCloseMs = DEFAULT_IDLE_CLOSE_MS }: SessionDatabaseOptions = {},
  ) {
    // An in-memory database exists only while it is open.
    this.#idleCloseMs = path === ":memory:" ? 0 : idleCloseMs;
    this.#batch = new WriteBatch(
      path,
      () => this.#connection(),
      () => this.#db,
    );
  }

  /** When the database was last used (performance.now()). */
  get lastUsed(): number {
    return this.#lastUsed;
  }

  /** Whether a connection is open now (it opens again on use). */
  get connected(): boolean {
    return this.#db !== undefined;
  }

  #connection(): DatabaseSync {
    if (this.#closed) throw new Error(`${this.path} is closed`);
    this.#lastUsed = performance.now();
    if (this.#db) return this.#db;
    const db = new DatabaseSync(this.path);
    db.exec("PRAGMA journal_mode = WAL");
    // In WAL mode NORMAL keeps every commit across a process crash (kill -9); only an OS crash or
    // power loss can drop the last ones. FULL would fsync each commit while the worker waits.
    db.exec("PRAGMA synchronous = NORMAL");
    // Another connection (a boot check, --add-user) may hold the file for a moment.
    db.exec("PRAGMA busy_timeout = 5000");
    this.#db = db;
    if (this.#idleCloseMs > 0) watch(this, this.#idleCloseMs);
    return db;
  }

  #prepared(sql: string) {
    const db = this.#connection();
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** A statement, prepared once per connection (and cached by its text). */
  prepare(sql: string): SessionStatement {
    return {
      run: (...params) => {
        this.#batch.refuseIfFailed();
        return this.#prepared(sql).run(...params);
      },
      get: (...params) =>
        this.#prepared(sql).get(...params) as
          | Record<string, unknown>
          | undefined,
      all: (...params) =>
        this.#prepared(sql).all(...params) as Record<string, unknown>[],
    };
  }

  /** Runs SQL without results (schema, pragmas, several statements). */
  exec(sql: string): void {
    this.#connection().exec(sql);
  }

  /**
   * Runs `fn` in a transaction: committed when it returns, rolled back when
   * it throws. Inside an open write batch it is a savepoint of the batch and
   * commits with it, so nothing written before it can commit after it.
   */
  transaction<T>(fn: () => T): T {
    this.#batch.refuseIfFailed();
    const [begin, commit, rollback] = this.#batch.open
      ? ["SAVEPOINT write", "RELEASE write", "ROLLBACK TO write; RELEASE write"]
      : ["BEGIN", "COMMIT", "ROLLBACK"];
    const db = this.#connection();
    db.exec(begin);
    try {
      const result = fn();
      db.exec(commit);
      return result;
    } catch (error) {
      db.exec(rollback);
      throw error;
    }
  }

  /**
   * Runs `fn` in the write batch (see write_batch.ts): committed with the
   * other writes of this event-loop turn. A statement that fails undoes only
   * itself; several that must stand or fall together go in a `transaction`
   * inside.
   */
  batch<T>(fn: () => T): T {
    return this.#batch.run(fn);
  }

  /** Commits the write batch now (before anything written is shown outside); throws if the commit fails. */
  commitBatch(): void {
    this.#batch.commit();
  }

  /** Calls `callback` once everything written so far is committed (or gone with a failed batch). */
  afterCommit(callback: () => void): void {
    this.#batch.afterCommit(callback);
  }

  /** Closes the connection if it has not been used for the idle time (the sweeper calls this). */
  closeIfIdle(now = performance.now()): void {
    if (this.#db && now - this.#lastUsed >= this.#idleCloseMs) {
      this.#disconnect();
    }
  }

  #disconnect(): void {
    try {
      this.#batch.commit();
    } catch {
      // Logged, and writes are refused from now on (see write_batch.ts); the file is closed all the same.
    }
    open.delete(this);
    this.#statements.clear();
    const db = this.#db;
    this.#db = undefined;
    db?.close();
  }

  /** Closes the database for good; using it afterwards throws. Safe to call twice. */
  close(): void {
    this.#disconnect();
    this.#closed = true;
  }
}

/** `database` itself, or a new database of its own for a path (`owned`: the caller closes it). */
export function sessionDatabaseOf(
  database: SessionDatabase | string,
): { database: SessionDatabase; owned: boolean } {
  return typeof database === "string"
    ? { database: new SessionDatabase(database), owned: true }
    : { database, owned: false };
}
