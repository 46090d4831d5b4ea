import { assertEquals, assertMatch } from "../assert.ts";
import {
  botClientId,
  clientKindOf,
  clientLabel,
  listClientIds,
  newUserId,
  readUserIdArgument,
  sessionPath,
} from "../../src/client_id.ts";
import { parseRoute } from "../../src/http/route.ts";

Deno.test("newUserId() is user + 32 URL-safe characters (192 random bits) the router accepts", () => {
  const id = newUserId();
  assertMatch(id, /^user[A-Za-z0-9_-]{32}$/);
  assertEquals(parseRoute(`/${id}/getMe`), {
    kind: "user",
    clientId: id,
    method: "getMe",
  });
});

Deno.test("newUserId() never repeats and uses the whole alphabet", () => {
  const ids = Array.from({ length: 2000 }, newUserId);
  assertEquals(new Set(ids).size, ids.length);
  // 64 000 random characters: every one of the 64 symbols shows up.
  const symbols = new Set(ids.flatMap((id) => [...id.slice(4)]));
  assertEquals(symbols.size, 64);
});

Deno.test("readUserIdArgument() accepts an id bare or as the endpoint path", () => {
  const id = "userAbCdEfGhIjKlMnOpQrStUv_-";
  assertEquals(readUserIdArgument(id), id);
  assertEquals(readUserIdArgument(`/${id}`), id);
  assertEquals(readUserIdArgument(` /${id}/ `), id);
});

Deno.test("readUserIdArgument() rejects anything else", () => {
  for (
    const raw of [
      "",
      "user",
      "userShort",
      "bot123:abc",
      "userAbCdEfGhIjKlMnOpQrStUv/getMe",
      "../userAbCdEfGhIjKlMnOpQrStUv",
      "userAbCdEfGhIjKlMnOpQrStUv.sqlite",
    ]
  ) {
    assertEquals(readUserIdArgument(raw), undefined);
  }
});

Deno.test("botClientId() keeps the bot id and 16 hex of the token's SHA-256, nothing of the secret", () => {
  const token = "123456:AAH0123456789abcdefghijklmnopqrstuv";
  const id = botClientId(token)!;
  assertMatch(id, /^bot123456-[0-9a-f]{16}$/);
  assertEquals(id.includes("AAH0"), false);
  assertEquals(botClientId(token), id);
  assertEquals(botClientId("123456:short"), undefined);
  assertEquals(
    botClientId("0123:AAH0123456789abcdefghijklmnopqrstuv"),
    undefined,
  );
});

Deno.test("clientKindOf() tells bot ids, user ids and other file names apart", () => {
  assertEquals(
    clientKindOf(botClientId("1:AAH0123456789abcdefghijklmnopqrstuv")!),
    "bot",
  );
  assertEquals(clientKindOf(newUserId()), "user");
  for (
    const other of [".uploads", "bot1-xyz", ".adding-user1", "user", "notes"]
  ) {
    assertEquals(clientKindOf(other), undefined);
  }
});

Deno.test("listClientIds() lists the sessions of a data directory, sorted, and none for a missing one", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mtkruto-ids-" });
  try {
    const user = newUserId();
    const bot = botClientId("7:AAH0123456789abcdefghijklmnopqrstuv")!;
    for (const id of [user, bot]) {
      await Deno.writeFile(sessionPath(dir, id), new Uint8Array());
    }
    await Deno.writeFile(`${dir}/notes.sqlite`, new Uint8Array());
    await Deno.writeFile(`${dir}/${user}.sqlite-wal`, new Uint8Array());
    await Deno.mkdir(`${dir}/.uploads`);
    assertEquals(await listClientIds(dir), [bot, user].sort());
    assertEquals(await listClientIds(`${dir}/missing`), []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("clientLabel() shows a bot's id as is and hides a user's id", () => {
  const bot = botClientId("7:AAH0123456789abcdefghijklmnopqrstuv")!;
  assertEquals(clientLabel(bot), bot);
  const user = newUserId();
  assertMatch(clientLabel(user), /^user-[0-9a-f]{8}$/);
  assertEquals(clientLabel(user).includes(user.slice(4, 12)), false);
});
