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
import { setImmediate } from "node:timers";

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
 * Most connections open at once in a thread (each holds three files: the
 * database, its WAL and its shared memory). A wave of calls to thousands of
 * clients (a restart, setWebhook for each) would otherwise open one per
 * client within the idle time and run out of file descriptors; past this,
 * opening one closes the least recently used.
 */
export const MAX_OPEN_DATABASES = 256;

/**
 * A batch opened within this long of the previous batch's end-of-turn commit
 * waits for the next timer turn (Deno's setTimeout(0): at least 1 ms) rather
 * than the next event-loop turn: writes are streaming in (a burst of updates,
 * one per TCP read), and each commit writes every page it touched (two
 * syscalls each, ~5 pages per update) however few rows changed on it. Commits
 * a reader forces (`commitBatch`) do not count. Updates sent one at a time
 * (the next once the previous arrived) come about 1 ms apart and must not wait
 * for a timer: at 1 ms here, the benchmark's one-at-a-time webhook latency went
 * from ~1.0 to ~1.8 ms.
 */
const STREAMING_WITHIN_MS = 0.5;

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
  if (open.size >= MAX_OPEN_DATABASES) closeLeastRecentlyUsed();
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
  /** Callbacks waiting for the open write batch to commit; undefined while none is open. */
  #batch?: (() => void)[];
  /** When a batch was last committed at the end of its turn (performance.now()). */
  #lastTurnCommit = -Infinity;
  /** Why a write batch failed to commit: the database refuses writes from then on (see #fail). */
  #failed?: Error;

  constructor(
    readonly path: string,
    { idleCloseMs = DEFAULT_IDLE_CLOSE_MS }: SessionDatabaseOptions = {},
  ) {
    // An in-memory database exists only while it is open.
    this.#idleCloseMs = path === ":memory:" ? 0 : idleCloseMs;
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

  #writable(sql: string) {
    if (this.#failed) throw this.#failed;
    return this.#prepared(sql);
  }

  /** A statement, prepared once per connection (and cached by its text). */
  prepare(sql: string): SessionStatement {
    return {
      run: (...params) => this.#writable(sql).run(...params),
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
    if (this.#failed) throw this.#failed;
    if (this.#batch) return this.#savepoint(fn);
    const db = this.#connection();
    db.exec("BEGIN");
    try {
      const result = fn();
      db.exec("COMMIT");
      return result;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  }

  /**
   * Runs `fn` in the current write batch: one transaction, opened
   * by the first batched write and committed once the event loop turns
   * (setImmediate; the next timer turn while writes stream in, see
   * STREAMING_WITHIN_MS), or by `commitBatch`, so the writes of one turn
   * (every update of a TCP read, mtcute's state after them) cost one commit
   * instead of one each. Every write on the connection while the batch
   * is open, mtcute's included, commits with it: a crash loses the batch as a
   * whole or not at all. A statement that fails undoes only itself; several
   * that must stand or fall together go in a `transaction` inside.
   */
  batch<T>(fn: () => T): T {
    if (this.#failed) throw this.#failed;
    if (!this.#batch) {
      this.#connection().exec("BEGIN");
      this.#batch = [];
      const commit = () => {
        if (!this.#batch) return;
        try {
          this.commitBatch();
          this.#lastTurnCommit = performance.now();
        } catch {
          // Logged, and the database refuses writes from now on (see #fail).
        }
      };
      if (performance.now() - this.#lastTurnCommit < STREAMING_WITHIN_MS) {
        setTimeout(commit, 0);
      } else setImmediate(commit);
    }
    return fn();
  }

  /**
   * Commits the open write batch now (a no-op without one); done before
   * anything written is shown outside the worker. Throws, and fails the
   * database, when the commit fails.
   */
  commitBatch(): void {
    const waiting = this.#batch;
    if (!waiting || !this.#db) return;
    const db = this.#db;
    this.#batch = undefined;
    try {
      db.exec("COMMIT");
    } catch (error) {
      this.#fail(db, error);
    } finally {
      for (const callback of waiting) callback();
    }
  }

  /**
   * Calls `callback` once everything written so far is committed (or gone,
   * with a batch that failed to commit): at once without an open batch.
   */
  afterCommit(callback: () => void): void {
    if (this.#batch) this.#batch.push(callback);
    else callback();
  }

  /**
   * A batch failed to commit (a deferred constraint, the disk): its writes
   * are gone, and mtcute holds their update state in memory only, so any
   * later commit would persist a state past updates the queue lost. Refusing
   * every write until the client is opened again (which reloads the last
   * committed state and fetches them again) keeps them; reads still work.
   */
  #fail(db: DatabaseSync, error: unknown): never {
    if (db.isTransaction) db.exec("ROLLBACK");
    this.#failed = new Error(
      `${this.path}: a write batch failed to commit (${
        (error as Error).message
      }); its writes are refused until the client is opened again`,
      { cause: error },
    );
    console.error(this.#failed.message);
    throw this.#failed;
  }

  #savepoint<T>(fn: () => T): T {
    const db = this.#connection();
    db.exec("SAVEPOINT write");
    try {
      const result = fn();
      db.exec("RELEASE write");
      return result;
    } catch (error) {
      db.exec("ROLLBACK TO write");
      db.exec("RELEASE write");
      throw error;
    }
  }

  /** Closes the connection if it has not been used for the idle time (the sweeper calls this). */
  closeIfIdle(now = performance.now()): void {
    if (this.#db && now - this.#lastUsed >= this.#idleCloseMs) {
      this.#disconnect();
    }
  }

  #disconnect(): void {
    try {
      this.commitBatch();
    } catch {
      // Logged, and the database refuses writes (see #fail); the file is closed all the same.
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
