/**
 * The write batch of a session database's connection: one transaction,
 * opened by the first batched write and committed once the event loop turns
 * (or when a reader needs it committed), so the writes of one turn (every
 * update of a TCP read, mtcute's new update state after them) cost one commit
 * instead of one each. Every write on the connection while a batch is open
 * commits with it: a crash loses the batch as a whole or not at all.
 */
import type { DatabaseSync } from "node:sqlite";
import { setImmediate } from "node:timers";

/**
 * A batch opened within this long of the previous batch's end-of-turn commit
 * waits for the next timer turn (Deno's setTimeout(0): at least 1 ms) rather
 * than the next event-loop turn: writes are streaming in (a burst of updates,
 * one per TCP read), and each commit writes every page it touched (two
 * syscalls each, ~5 pages per update) however few rows changed on it. Commits
 * a reader forces do not count. Updates sent one at a time (the next once the
 * previous arrived) come about 1 ms apart and must not wait for a timer: at
 * 1 ms here, the benchmark's one-at-a-time webhook latency went from ~1.0 to
 * ~1.8 ms.
 */
const STREAMING_WITHIN_MS = 0.5;

/** The batch of one connection; `SessionDatabase` owns it and forwards to it. */
export class WriteBatch {
  /** Callbacks waiting for the open batch to commit; undefined while none is open. */
  #waiting?: (() => void)[];
  /** When a batch was last committed at the end of its turn (performance.now()). */
  #lastTurnCommit = -Infinity;
  /** Why a batch failed to commit: every write is refused from then on (see #fail). */
  #failed?: Error;

  /**
   * `connection` opens (or returns) the connection; `current` returns it
   * only if it is open.
   */
  constructor(
    private readonly path: string,
    private readonly connection: () => DatabaseSync,
    private readonly current: () => DatabaseSync | undefined,
  ) {}

  /** Whether a batch is open. */
  get open(): boolean {
    return this.#waiting !== undefined;
  }

  /** Throws if a batch failed to commit: no write may follow it. */
  refuseIfFailed(): void {
    if (this.#failed) throw this.#failed;
  }

  /** Runs `fn` in the batch, opening one (and scheduling its commit) if none is open. */
  run<T>(fn: () => T): T {
    this.refuseIfFailed();
    if (!this.#waiting) {
      this.connection().exec("BEGIN");
      this.#waiting = [];
      const commit = () => {
        if (!this.#waiting) return;
        try {
          this.commit();
          this.#lastTurnCommit = performance.now();
        } catch {
          // Logged, and every write is refused from now on (see #fail).
        }
      };
      if (performance.now() - this.#lastTurnCommit < STREAMING_WITHIN_MS) {
        setTimeout(commit, 0);
      } else setImmediate(commit);
    }
    return fn();
  }

  /** Commits the open batch now (a no-op without one); throws, and fails the batch, when the commit fails. */
  commit(): void {
    const waiting = this.#waiting;
    const db = this.current();
    if (!waiting || !db) return;
    this.#waiting = undefined;
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
    if (this.#waiting) this.#waiting.push(callback);
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
}
