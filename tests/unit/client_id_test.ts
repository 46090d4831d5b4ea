import { assertEquals, assertMatch } from "../assert.ts";
import { newUserId, readUserIdArgument } from "../../src/add_user/user_id.ts";
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
