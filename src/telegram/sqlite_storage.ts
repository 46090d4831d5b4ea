/** mtcute storage over Deno's built-in `node:sqlite`, one database file per client. */
import { BaseSqliteStorage, BaseSqliteStorageDriver } from "@mtcute/core";
import type { ISqliteDatabase, ISqliteStatement } from "@mtcute/core";
import { DatabaseSync } from "node:sqlite";

type SqliteParams = Parameters<ReturnType<DatabaseSync["prepare"]>["run"]>;

/** Adapts `DatabaseSync` to the better-sqlite3-like interface mtcute expects. */
function wrapDatabase(db: DatabaseSync): ISqliteDatabase {
  return {
    prepare<P extends unknown[]>(sql: string): ISqliteStatement<P> {
      const statement = db.prepare(sql);
      return {
        run: (...params) =>
          void statement.run(...(params as unknown as SqliteParams)),
        get: (...params) =>
          statement.get(...(params as unknown as SqliteParams)),
        all: (...params) =>
          statement.all(...(params as unknown as SqliteParams)),
      };
    },
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction<F extends (...args: never[]) => unknown>(fn: F): F {
      return ((...args: Parameters<F>) => {
        db.exec("BEGIN");
        try {
          const result = fn(...args);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          db.exec("ROLLBACK");
          throw error;
        }
      }) as F;
    },
  } as ISqliteDatabase;
}

class DenoSqliteDriver extends BaseSqliteStorageDriver {
  constructor(readonly path: string) {
    super();
  }

  _createDatabase(): ISqliteDatabase {
    const db = new DatabaseSync(this.path);
    db.exec("PRAGMA journal_mode = WAL");
    // In WAL mode NORMAL keeps every commit across a process crash (kill -9); only an OS crash or
    // power loss can drop the last ones. FULL would fsync each commit while the worker waits.
    db.exec("PRAGMA synchronous = NORMAL");
    return wrapDatabase(db);
  }
}

/** Returns mtcute storage kept in the sqlite file at `path` (created on first use). */
export function openSqliteStorage(path: string): BaseSqliteStorage {
  return new BaseSqliteStorage(new DenoSqliteDriver(path));
}
