/**
 * The write batch of a client's database: a burst of writes in one commit,
 * without opening a window for loss. A second connection to the file sees
 * exactly what a SIGKILL of the gateway would leave on disk (WAL: a commit is
 * in the file at once; synchronous = NORMAL only defers the fsync), so each
 * test reads through one to see what a crash at that moment would keep.
 */
import { DatabaseSync } from "node:sqlite";
import { assert, assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { SessionDatabase } from "../../src/storage/session_database.ts";
import { UpdateStore } from "../../src/updates/store.ts";
import { ClientUpdates } from "../../src/updates/client_updates.ts";
import { UnavailableError } from "../../src/errors.ts";
import { messageText, withTempFile } from "./_update_helpers.ts";

/** Runs `fn` with a session database at a fresh path and a second connection to read what is on disk. */
function withCrashView(
  fn: (
    database: SessionDatabase,
    onDisk: (sql: string) => unknown[],
  ) => void | Promise<void>,
): Promise<void> {
  return withTempFile(async (path) => {
    const database = new SessionDatabase(path);
    database.exec("create table if not exists t (v integer)");
    const view = new DatabaseSync(path);
    try {
      await fn(
        database,
        (sql) => view.prepare(sql).all().map((row) => ({ ...row })),
      );
    } finally {
      view.close();
      database.close();
    }
  });
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

Deno.test("a write batch is committed once the event loop turns, as one transaction", () =>
  withCrashView(async (database, onDisk) => {
    const insert = database.prepare("insert into t (v) values (?)");
    database.batch(() => insert.run(1));
    database.batch(() => insert.run(2));
    // An unbatched write while the batch is open joins it: it cannot commit on its own.
    insert.run(3);
    assertEquals(onDisk("select v from t"), []);
    await turn();
    assertEquals(onDisk("select v from t order by v"), [{ v: 1 }, { v: 2 }, {
      v: 3,
    }]);
  }));

Deno.test("a transaction inside an open batch commits with it: mtcute's update state never commits ahead of a queued update", () =>
  withCrashView(async (database, onDisk) => {
    const store = new UpdateStore(database);
    database.exec("create table state (pts integer)");
    store.push("message", messageText(1), { identity: "message:1:1" });
    // What mtcute's storage does when its updates loop saves the new pts (sqlite_storage.ts).
    database.transaction(() =>
      database.prepare("insert into state (pts) values (?)").run(1)
    );
    assertEquals(onDisk("select pts from state"), []);
    assertEquals(onDisk("select id from gateway_updates"), []);
    await turn();
    assertEquals(onDisk("select pts from state"), [{ pts: 1 }]);
    assertEquals(onDisk("select id from gateway_updates"), [{ id: 1 }]);
  }));

Deno.test("a transaction throwing inside an open batch undoes only its own writes", () =>
  withCrashView(async (database, onDisk) => {
    const insert = database.prepare("insert into t (v) values (?)");
    database.batch(() => insert.run(1));
    assertThrowsWithMessage(
      () =>
        database.transaction(() => {
          insert.run(2);
          throw new Error("no");
        }),
      Error,
      "no",
    );
    await turn();
    assertEquals(onDisk("select v from t"), [{ v: 1 }]);
  }));

Deno.test("UpdateStore.read() commits first: an update delivered is one a crash keeps (its id is never given to another)", () =>
  withCrashView((database, onDisk) => {
    const store = new UpdateStore(database);
    store.push("message", messageText(1));
    store.push("message", messageText(2));
    assertEquals(store.read({ limit: 10 }).map((u) => u.updateId), [1, 2]);
    assertEquals(onDisk("select id from gateway_updates order by id"), [
      { id: 1 },
      { id: 2 },
    ]);
  }));

Deno.test("a waiting long poll is answered only once its updates are committed", () =>
  withCrashView(async (database, onDisk) => {
    const store = new UpdateStore(database);
    const updates = new ClientUpdates(store);
    try {
      const poll = updates.getUpdates([{ timeout: 5 }]);
      await turn();
      updates.push("message", JSON.parse(messageText(1)));
      const committedWhenAnswered = poll.then(() =>
        onDisk("select id from gateway_updates")
      );
      assertEquals(JSON.parse(await poll).length, 1);
      assertEquals(await committedWhenAnswered, [{ id: 1 }]);
    } finally {
      await updates.close(new UnavailableError("test over"));
    }
  }));

Deno.test("afterCommit() waits for the open batch, and runs at once without one", () =>
  withCrashView(async (database) => {
    const calls: string[] = [];
    database.afterCommit(() => calls.push("no batch"));
    database.batch(() =>
      database.prepare("insert into t (v) values (1)").run()
    );
    database.afterCommit(() => calls.push("after the batch"));
    assertEquals(calls, ["no batch"]);
    await turn();
    assertEquals(calls, ["no batch", "after the batch"]);
  }));

Deno.test("closing the connection (for good, or while idle) commits the open batch first", () =>
  withTempFile((path) => {
    const idle = new SessionDatabase(path, { idleCloseMs: 1 });
    idle.exec("create table t (v integer)");
    idle.batch(() => idle.prepare("insert into t (v) values (1)").run());
    idle.closeIfIdle(Infinity);
    assert(!idle.connected);
    idle.batch(() => idle.prepare("insert into t (v) values (2)").run());
    idle.close();
    const view = new DatabaseSync(path);
    try {
      assertEquals(
        view.prepare("select v from t order by v").all().map((row) => ({
          ...row,
        })),
        [{ v: 1 }, { v: 2 }],
      );
    } finally {
      view.close();
    }
  }));

Deno.test("a batch that fails to commit keeps nothing, wakes its waiters, and the database refuses writes after it (reads still work)", () =>
  withCrashView(async (database, onDisk) => {
    // A deferred foreign key fails at COMMIT, as a full disk would.
    database.exec(`
      pragma foreign_keys = on;
      create table parent (id integer primary key);
      create table child (parent integer references parent (id) deferrable initially deferred);
    `);
    const errors: unknown[] = [];
    let woken = false;
    const logged = console.error;
    console.error = (...args) => errors.push(args);
    try {
      database.batch(() =>
        database.prepare("insert into t (v) values (1)").run()
      );
      database.batch(() =>
        database.prepare("insert into child (parent) values (7)").run()
      );
      // A reader waiting for the batch is woken all the same, to find its updates gone, not hang.
      database.afterCommit(() => woken = true);
      await turn();
    } finally {
      console.error = logged;
    }
    assertEquals(errors.length, 1);
    assert(woken);
    assertEquals(onDisk("select v from t"), []);
    // Any later commit could persist mtcute's state past the lost batch.
    for (
      const write of [
        () => database.batch(() => {}),
        () => database.transaction(() => {}),
        () => database.prepare("insert into t (v) values (2)").run(),
      ]
    ) {
      assertThrowsWithMessage(write, Error, "a write batch failed to commit");
    }
    assertEquals({
      ...database.prepare("select count(*) as n from t").get(),
    }, { n: 0 });
  }));
