/**
 * A client's one database: shared by the stores kept in its file, closed
 * while idle and opened again on use, with statements that outlive the
 * connection they were prepared on.
 */
import {
  assert,
  assertEquals,
  assertStrictEquals,
  assertThrowsWithMessage,
} from "../assert.ts";
import {
  MAX_OPEN_DATABASES,
  openDatabaseCount,
  SessionDatabase,
} from "../../src/storage/session_database.ts";
import { UpdateStore } from "../../src/updates/store.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";

/** Runs `fn` with a fresh database file path, removed after. */
async function withFile(fn: (path: string) => Promise<void> | void) {
  const dir = await Deno.makeTempDir({ prefix: "mtkruto-session-db-" });
  try {
    await fn(`${dir}/client.sqlite`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** A row as a plain object (node:sqlite's rows have no prototype). */
const plain = (row: Record<string, unknown> | undefined) => ({ ...row });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("SessionDatabase closes an idle connection and opens it again on use, statements included", async () => {
  await withFile(async (path) => {
    const database = new SessionDatabase(path, { idleCloseMs: 40 });
    try {
      database.exec("create table items (id integer primary key, name text)");
      const insert = database.prepare("insert into items (name) values (?)");
      const names = database.prepare("select name from items order by id");
      insert.run("first");
      assert(database.connected);
      await sleep(200);
      assert(!database.connected, "the idle connection stayed open");
      // Prepared on the old connection, run on a new one.
      insert.run("second");
      assert(database.connected);
      assertEquals(names.all().map((row) => row.name), ["first", "second"]);
    } finally {
      database.close();
    }
  });
});

Deno.test("SessionDatabase keeps a connection in use open", async () => {
  await withFile(async (path) => {
    const database = new SessionDatabase(path, { idleCloseMs: 150 });
    try {
      database.exec("create table ticks (n integer)");
      const tick = database.prepare("insert into ticks (n) values (?)");
      for (let n = 0; n < 8; n++) {
        tick.run(n);
        await sleep(40);
        assert(database.connected, `closed while in use (after ${n})`);
      }
    } finally {
      database.close();
    }
  });
});

Deno.test("SessionDatabase never closes an in-memory database while idle (its rows would be lost)", async () => {
  const database = new SessionDatabase(":memory:", { idleCloseMs: 20 });
  try {
    database.exec("create table kept (v text)");
    database.prepare("insert into kept (v) values (?)").run("still here");
    await sleep(120);
    assert(database.connected);
    assertEquals(plain(database.prepare("select v from kept").get()), {
      v: "still here",
    });
  } finally {
    database.close();
  }
});

Deno.test("SessionDatabase.transaction() commits what returns and rolls back what throws", async () => {
  await withFile((path) => {
    const database = new SessionDatabase(path);
    try {
      database.exec("create table t (v integer)");
      const insert = database.prepare("insert into t (v) values (?)");
      assertStrictEquals(
        database.transaction(() => (insert.run(1), "done")),
        "done",
      );
      assertThrowsWithMessage(
        () =>
          database.transaction(() => {
            insert.run(2);
            throw new Error("no");
          }),
        Error,
        "no",
      );
      assertEquals(database.prepare("select v from t").all().map(plain), [{
        v: 1,
      }]);
    } finally {
      database.close();
    }
  });
});

Deno.test("SessionDatabase.close() is final and may be called twice", async () => {
  await withFile((path) => {
    const database = new SessionDatabase(path);
    database.exec("create table t (v integer)");
    const select = database.prepare("select v from t");
    database.close();
    database.close();
    assertThrowsWithMessage(() => select.all(), Error, "is closed");
    assertThrowsWithMessage(
      () => database.exec("select 1"),
      Error,
      "is closed",
    );
  });
});

Deno.test("stores given the client's database share it and leave it open; given a path they own theirs", async () => {
  await withFile((path) => {
    const database = new SessionDatabase(path);
    try {
      const store = new UpdateStore(database);
      const chats = new MessageChats(database);
      store.setSetting("webhook", "{}");
      chats.remember(7, 42);
      store.close();
      chats.close();
      // Both wrote through the one connection, which is still usable.
      const setting = database.prepare(
        "select value from gateway_settings where key = ?",
      );
      assertEquals(plain(setting.get("webhook")), { value: "{}" });
      const chat = database.prepare(
        "select chat_id from gateway_message_chats where message_id = ?",
      );
      assertEquals(plain(chat.get(7)), { chat_id: 42 });
    } finally {
      database.close();
    }
    const own = new UpdateStore(path);
    assertStrictEquals(own.getSetting("webhook"), "{}");
    own.close();
    assertThrowsWithMessage(
      () => own.getSetting("webhook"),
      Error,
      "is closed",
    );
  });
});

Deno.test("SessionDatabase keeps at most MAX_OPEN_DATABASES connections open, closing the least recently used", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mtkruto-session-dbs-" });
  const databases: SessionDatabase[] = [];
  try {
    for (let i = 0; i <= MAX_OPEN_DATABASES; i++) {
      const database = new SessionDatabase(`${dir}/${i}.sqlite`);
      database.exec("create table t (v integer)");
      database.prepare("insert into t (v) values (?)").run(i);
      databases.push(database);
    }
    assertStrictEquals(openDatabaseCount(), MAX_OPEN_DATABASES);
    assert(!databases[0].connected, "the least recently used stayed open");
    assert(databases[1].connected && databases.at(-1)!.connected);
    // Closed for room, it opens again (closing another) with its rows.
    assertEquals(plain(databases[0].prepare("select v from t").get()), {
      v: 0,
    });
    assert(databases[0].connected && !databases[1].connected);
    assertStrictEquals(openDatabaseCount(), MAX_OPEN_DATABASES);
  } finally {
    for (const database of databases) database.close();
    await Deno.remove(dir, { recursive: true });
  }
});
