/** mtcute storage over Deno's built-in `node:sqlite`, in the client's session database. */
import { BaseSqliteStorage, BaseSqliteStorageDriver } from "@mtcute/core";
import type { ISqliteDatabase, ISqliteStatement } from "@mtcute/core";
import {
  SessionDatabase,
  sessionDatabaseOf,
  type SqlValue,
} from "../storage/session_database.ts";

/** Adapts a session database to the better-sqlite3-like interface mtcute expects. */
function wrapDatabase(db: SessionDatabase, owned: boolean): ISqliteDatabase {
  return {
    prepare<P extends unknown[]>(sql: string): ISqliteStatement<P> {
      const statement = db.prepare(sql);
      return {
        run: (...params) => void statement.run(...(params as SqlValue[])),
        get: (...params) => statement.get(...(params as SqlValue[])),
        all: (...params) => statement.all(...(params as SqlValue[])),
      };
    },
    exec: (sql) => db.exec(sql),
    // A shared database is closed by its owner, after the gateway's tables are done with it.
    close: () => {
      if (owned) db.close();
    },
    transaction<F extends (...args: never[]) => unknown>(fn: F): F {
      return ((...args: Parameters<F>) =>
        db.transaction(() => fn(...args))) as F;
    },
  } as ISqliteDatabase;
}

class DenoSqliteDriver extends BaseSqliteStorageDriver {
  constructor(readonly database: SessionDatabase | string) {
    super();
  }

  _createDatabase(): ISqliteDatabase {
    const { database, owned } = sessionDatabaseOf(this.database);
    return wrapDatabase(database, owned);
  }
}

/** Returns mtcute storage kept in the client's session database, or in the sqlite file at a path (created on first use). */
export function openSqliteStorage(
  database: SessionDatabase | string,
): BaseSqliteStorage {
  return new BaseSqliteStorage(new DenoSqliteDriver(database));
}
