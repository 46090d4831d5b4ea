/**
 * A client's durable update queue and delivery settings, in its sqlite file
 * beside mtcute's session tables. Updates are written synchronously when
 * mtcute hands them over, into the event-loop turn's write batch (see
 * `SessionDatabase.batch`); mtcute persists its new update state in the same
 * batch or a later transaction, never before, so a crash can repeat an update
 * but never lose one. Nothing is read for delivery before it is committed: an
 * update delivered and then rolled back by a crash would give its id to
 * another update, which the client's next offset would confirm unseen.
 */
import {
  SessionDatabase,
  sessionDatabaseOf,
} from "../storage/session_database.ts";

/** An update as stored and delivered. */
export interface StoredUpdate {
  updateId: number;
  kind: string;
  /**
   * The JSON text of the update object (`{"type": …, …}`) without its id;
   * for updates stored before MTKruto's dialect (`legacy`), the payload of the `kind` key.
   */
  payload: string;
  createdAt: number;
  /** Stored by a version that keyed updates by mtcute's kind names. */
  legacy?: true;
}

/** An update whose payload waits for its source to be rendered (it needed a network call). */
export interface UnrenderedUpdate {
  updateId: number;
  kind: string;
  /** What the renderer needs, as JSON text of its own making. */
  source: string;
}

/** Limits of the queue. */
export interface QueueLimits {
  /** Most updates kept per client; the oldest go first. */
  maxUpdates: number;
  /** Oldest update kept, in milliseconds (Telegram keeps 24 hours). */
  maxAgeMs: number;
}

/** Default limits: 24 hours, like Telegram's own update queue, and 100,000 updates. */
export const DEFAULT_QUEUE_LIMITS: QueueLimits = {
  maxUpdates: 100_000,
  maxAgeMs: 24 * 60 * 60 * 1000,
};

const SCHEMA = `
create table if not exists gateway_updates (
  id integer primary key autoincrement,
  kind text not null,
  payload text not null,
  created_at integer not null
);
create table if not exists gateway_settings (key text primary key, value text not null);
create table if not exists gateway_seen (identity text primary key, created_at integer not null);
`;

/**
 * Columns added since the first release: `format` 1 marks MTKruto-shaped
 * updates (0: mtcute's, from before), `source` holds what an update is
 * rendered from while its payload is not rendered yet.
 */
const ADDED_COLUMNS: [string, string][] = [
  ["format", "integer not null default 0"],
  ["source", "text"],
];

// Pruning on every push would cost a query per update; every 100th is plenty for limits this large.
const PRUNE_EVERY = 100;

/** The gateway's own tables in a client's sqlite file. */
export class UpdateStore {
  readonly #db: SessionDatabase;
  readonly #ownsDatabase: boolean;
  readonly #limits: QueueLimits;
  #pushesSincePrune = 0;

  /** Opens the queue in the client's database (or in its own, given a path). */
  constructor(
    database: SessionDatabase | string,
    limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
  ) {
    ({ database: this.#db, owned: this.#ownsDatabase } = sessionDatabaseOf(
      database,
    ));
    this.#db.exec(SCHEMA);
    const columns = new Set(
      (this.#db.prepare("pragma table_info(gateway_updates)").all() as {
        name: string;
      }[]).map((column) => column.name),
    );
    for (const [name, definition] of ADDED_COLUMNS) {
      if (!columns.has(name)) {
        this.#db.exec(
          `alter table gateway_updates add column ${name} ${definition}`,
        );
      }
    }
    this.#limits = limits;
  }

  /**
   * Appends an update; returns its id (ids are never reused, even after
   * deletion), or undefined when an update with the same `identity` was
   * queued before (within the age limit): a repeat after a crash. With a
   * `source` instead of a payload (`payload` null), the update is held back,
   * and so is every later one, until `render` or `discard` settles it.
   */
  push(
    kind: string,
    payload: string | null,
    { identity, source, now = Date.now() }: {
      identity?: string;
      source?: string;
      now?: number;
    } = {},
  ): number | undefined {
    // Atomic (a savepoint of the batch): a seen identity without its update would skip its repeat.
    const id = this.#db.batch(() =>
      this.#db.transaction(() => {
        if (identity !== undefined) {
          const seen = this.#db.prepare(
            "insert or ignore into gateway_seen (identity, created_at) values (?, ?)",
          )
            .run(identity, now);
          if (Number(seen.changes) === 0) return undefined;
        }
        const row = this.#db.prepare(
          "insert into gateway_updates (kind, payload, created_at, format, source) values (?, ?, ?, 1, ?) returning id",
        ).get(kind, payload ?? "", now, source ?? null) as { id: number };
        return Number(row.id);
      })
    );
    if (id !== undefined && ++this.#pushesSincePrune >= PRUNE_EVERY) {
      this.prune(now);
    }
    return id;
  }

  /** Drops updates past the age or count limit; returns how many were dropped (also counted in settings). */
  prune(now = Date.now()): number {
    this.#pushesSincePrune = 0;
    const byAge = this.#db.prepare(
      "delete from gateway_updates where created_at < ?",
    ).run(now - this.#limits.maxAgeMs);
    const byCount = this.#db.prepare(
      "delete from gateway_updates where id <= (select id from gateway_updates order by id desc limit 1 offset ?)",
    ).run(this.#limits.maxUpdates);
    this.#db.prepare("delete from gateway_seen where created_at < ?").run(
      now - this.#limits.maxAgeMs,
    );
    const dropped = Number(byAge.changes) + Number(byCount.changes);
    if (dropped) {
      this.setSetting("dropped", String(this.droppedCount + dropped));
    }
    return dropped;
  }

  /** Rendered updates with an id of at least `fromId`, oldest first, up to the first one not rendered yet; committed first. */
  read(
    { fromId = 0, limit }: { fromId?: number; limit: number },
  ): StoredUpdate[] {
    this.#db.commitBatch();
    const rows = this.#db.prepare(
      `select id, kind, payload, created_at, format from gateway_updates
       where id >= ? and id < coalesce((select min(id) from gateway_updates where source is not null), 9e18)
       order by id limit ?`,
    ).all(fromId, limit) as {
      id: number;
      kind: string;
      payload: string;
      created_at: number;
      format: number;
    }[];
    return rows.map((row) => ({
      updateId: Number(row.id),
      kind: row.kind,
      payload: row.payload,
      createdAt: Number(row.created_at),
      ...(Number(row.format) === 0 ? { legacy: true as const } : {}),
    }));
  }

  /** The updates still waiting to be rendered, oldest first. */
  unrendered(): UnrenderedUpdate[] {
    const rows = this.#db.prepare(
      "select id, kind, source from gateway_updates where source is not null order by id",
    ).all() as { id: number; kind: string; source: string }[];
    return rows.map((row) => ({
      updateId: Number(row.id),
      kind: row.kind,
      source: row.source,
    }));
  }

  /** Stores the rendered payload of a held-back update, releasing it (and the ones after it). */
  render(updateId: number, payload: string): void {
    this.#db.prepare(
      "update gateway_updates set payload = ?, source = null where id = ?",
    ).run(payload, updateId);
  }

  /** Drops a held-back update that turned out to have nothing to deliver. */
  discard(updateId: number): void {
    this.#db.prepare("delete from gateway_updates where id = ?").run(updateId);
  }

  /** Deletes every update with an id below `offset` (Bot API's confirmation rule), in the write batch: a lost confirmation only repeats updates. */
  confirmBelow(offset: number): void {
    this.#db.batch(() =>
      this.#db.prepare("delete from gateway_updates where id < ?").run(offset)
    );
  }

  /** Calls `callback` once the updates pushed so far are committed (and so may be delivered). */
  afterCommit(callback: () => void): void {
    this.#db.afterCommit(callback);
  }

  /** Deletes every queued update. */
  clear(): void {
    this.#db.exec("delete from gateway_updates");
  }

  /** How many updates wait for delivery. */
  get pendingCount(): number {
    return Number(
      (this.#db.prepare("select count(*) as n from gateway_updates").get() as {
        n: number;
      }).n,
    );
  }

  /** How many updates the limits have dropped, ever. */
  get droppedCount(): number {
    return Number(this.getSetting("dropped") ?? 0);
  }

  /** A stored setting (webhook config, allowed kinds…), or undefined. */
  getSetting(key: string): string | undefined {
    const row = this.#db.prepare(
      "select value from gateway_settings where key = ?",
    ).get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  /** Stores a setting; `undefined` deletes it. */
  setSetting(key: string, value: string | undefined): void {
    if (value === undefined) {
      this.#db.prepare("delete from gateway_settings where key = ?").run(key);
    } else {
      this.#db.prepare(
        "insert or replace into gateway_settings (key, value) values (?, ?)",
      ).run(key, value);
    }
  }

  /** Closes the database if it is the queue's own. */
  close(): void {
    if (this.#ownsDatabase) this.#db.close();
  }
}
