import { Long } from "@mtcute/core";
import type { tl } from "@mtcute/core";
import { join } from "node:path";
import { assertEquals, assertMatch } from "../assert.ts";
import {
  createHostContext,
  createTelegramClient,
} from "../../src/telegram/client_factory.ts";
import type { WorkerConfig } from "../../src/workers/protocol.ts";
import { listUsers, removeUser } from "../../src/add_user/users.ts";

const ALICE_ID = "userAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const NOBODY_ID = "userBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
const BROKEN_ID = "userCCCCCCCCCCCCCCCCCCCCCCCC";

function config(dataDir: string): WorkerConfig {
  // Port 9 (discard) on loopback: nothing answers, and nothing here connects anyway.
  return {
    apiId: 1,
    apiHash: "unit",
    dataDir,
    dc: { host: "127.0.0.1", port: 9 },
    testMode: false,
    logLevel: 0,
  };
}

/** Writes a session the way mtcute does after a login, without any network. */
async function writeSession(
  dataDir: string,
  userId: string,
  user?: tl.RawUser,
): Promise<void> {
  const context = await createHostContext(config(dataDir));
  const client = createTelegramClient(
    join(dataDir, `${userId}.sqlite`),
    context,
  );
  await client.prepare();
  if (user) {
    await client.storage.self.storeFrom(user);
    await client.storage.peers.updatePeersFrom({
      _: "auth.authorization",
      user,
    });
  }
  await client.destroy();
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    output: {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    },
  };
}

Deno.test("listUsers() prints each user endpoint with its account, read offline", async () => {
  const dataDir = await Deno.makeTempDir();
  try {
    await writeSession(dataDir, ALICE_ID, {
      _: "user",
      id: 1000001,
      accessHash: Long.fromNumber(42),
      firstName: "Alice",
      lastName: "Liddell",
      username: "alice",
      self: true,
    } as tl.RawUser);
    await writeSession(dataDir, NOBODY_ID);
    await Deno.writeTextFile(join(dataDir, `${BROKEN_ID}.sqlite`), "");
    await Deno.writeTextFile(join(dataDir, ".adding-1234.sqlite"), "");
    await Deno.writeTextFile(join(dataDir, "bot1-0123456789abcdef.sqlite"), "");
    await Deno.writeTextFile(join(dataDir, "notes.txt"), "");
    const before = [...Deno.readDirSync(dataDir)].map((e) => e.name).sort();

    const { out, err, output } = capture();
    assertEquals(await listUsers({ dataDir, output }), 0);
    assertEquals(out, [
      `/${ALICE_ID}  Alice Liddell, @alice, id 1000001`,
      `/${NOBODY_ID}  (not logged in)`,
      `/${BROKEN_ID}  (unreadable session: no such table: key_value)`,
    ]);
    assertMatch(
      err.join("\n"),
      /interrupted --add-user.*\.adding-1234\.sqlite/,
    );
    // Listing leaves no sqlite sidecar files behind.
    assertEquals(
      [...Deno.readDirSync(dataDir)].map((e) => e.name).sort(),
      before,
    );
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("listUsers() says so when there are no user endpoints", async () => {
  const dataDir = await Deno.makeTempDir();
  try {
    const { out, err, output } = capture();
    assertEquals(await listUsers({ dataDir, output }), 0);
    assertEquals(out, []);
    assertEquals(err, [
      `No user endpoints in ${dataDir}; add one with --add-user.`,
    ]);
    assertEquals(
      await listUsers({ dataDir: join(dataDir, "nope"), output }),
      0,
    );
    assertEquals(err.slice(1), [
      `No user endpoints: ${
        join(dataDir, "nope")
      } does not exist; add one with --add-user.`,
    ]);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("listUsers() says so when the data directory holds only bots", async () => {
  const dataDir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dataDir, "bot1-0123456789abcdef.sqlite"), "");
    const { out, err, output } = capture();
    assertEquals(await listUsers({ dataDir, output }), 0);
    assertEquals(out, []);
    assertEquals(err, [
      `No user endpoints in ${dataDir}; add one with --add-user.`,
    ]);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("removeUser() fails for an id that has no session, without touching Telegram", async () => {
  const dataDir = await Deno.makeTempDir();
  try {
    const { err, output } = capture();
    const status = await removeUser({
      config: config(dataDir),
      userId: ALICE_ID,
      force: true,
      output,
    });
    assertEquals(status, 1);
    assertMatch(err.join("\n"), /No such user endpoint/);
    // The id is a credential: it is not repeated back.
    assertEquals(err.join("\n").includes(ALICE_ID), false);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
