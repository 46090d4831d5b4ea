import { assertEquals, assertThrows } from "../assert.ts";
import { parseRoute } from "../../src/http/route.ts";
import { NotFoundError } from "../../src/errors.ts";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const USER = "userAbCdEfGhIjKlMnOpQrStUv";

Deno.test("parseRoute() reads a bot path", () => {
  const route = parseRoute(`/bot${TOKEN}/sendMessage`);
  assertEquals(route.kind, "bot");
  assertEquals(route.method, "sendMessage");
  assertEquals(route.kind === "bot" && route.token, TOKEN);
});

Deno.test("parseRoute() reads a user path", () => {
  assertEquals(parseRoute(`/${USER}/getMe`), {
    kind: "user",
    clientId: USER,
    method: "getMe",
  });
});

Deno.test("parseRoute() accepts a trailing slash", () => {
  assertEquals(
    parseRoute(`/${USER}/exampleMethod/`),
    parseRoute(`/${USER}/exampleMethod`),
  );
  assertEquals(
    parseRoute(`/bot${TOKEN}/getMe/`),
    parseRoute(`/bot${TOKEN}/getMe`),
  );
});

Deno.test("parseRoute() decodes a percent-encoded colon in the token", () => {
  const route = parseRoute(`/bot${TOKEN.replace(":", "%3A")}/getMe`);
  assertEquals(route.kind === "bot" && route.token, TOKEN);
});

Deno.test("parseRoute() accepts dotted method names", () => {
  assertEquals(
    parseRoute(`/${USER}/messages.getHistory`).method,
    "messages.getHistory",
  );
});

Deno.test("parseRoute() gives a bot a client id without the secret", () => {
  const { clientId } = parseRoute(`/bot${TOKEN}/getMe`);
  assertEquals(/^bot123456789-[0-9a-f]{16}$/.test(clientId), true);
  assertEquals(clientId.includes(TOKEN.split(":")[1]), false);
});

Deno.test("parseRoute() gives two tokens of one bot different client ids", () => {
  const other = TOKEN.slice(0, -1) + "b";
  assertEquals(
    parseRoute(`/bot${TOKEN}/getMe`).clientId ===
      parseRoute(`/bot${other}/getMe`).clientId,
    false,
  );
});

const BAD_TOKENS = {
  "no colon": "123456789AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
  "a short secret": "123456:0123456789abcdef",
  "a secret with bad characters":
    "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALD+aw",
  "a non-numeric id": "12a456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
  "a leading zero": "0123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
  "a 21-digit id": "123456789012345678901:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
  "a 65-character secret": `1:${"a".repeat(65)}`,
} as const;

for (const [flaw, token] of Object.entries(BAD_TOKENS)) {
  Deno.test(`parseRoute() rejects a token with ${flaw} without echoing it`, () => {
    const error = assertThrows(
      () => parseRoute(`/bot${token}/getMe`),
      NotFoundError,
    );
    assertEquals(error.status, 404);
    assertEquals(error.type, "input");
    assertEquals(error.message.includes(token), false);
    assertEquals(error.message.includes(token.split(":")[1] ?? token), false);
  });
}

const BAD_USERS = {
  "a short random part": "userAbCdEfGhIjKlMnOpQrStU",
  "no user prefix": "AbCdEfGhIjKlMnOpQrStUvWxYz",
  "a bad character": "userAbCdEfGhIjKlMnOpQrStU=",
} as const;

for (const [flaw, user] of Object.entries(BAD_USERS)) {
  Deno.test(`parseRoute() rejects a user id with ${flaw} without echoing it`, () => {
    const error = assertThrows(
      () => parseRoute(`/${user}/getMe`),
      NotFoundError,
    );
    assertEquals(error.status, 404);
    assertEquals(error.message.includes(user), false);
  });
}

const BAD_PATHS = {
  "the root": "/",
  "a client without method": `/${USER}`,
  "an empty method": `/${USER}//`,
  "an extra segment": `/${USER}/getMe/extra`,
  "a method starting with a digit": `/${USER}/1getMe`,
  "a method with a dash": `/${USER}/get-me`,
  "a bad percent escape": `/${USER}/get%ZZme`,
} as const;

for (const [flaw, path] of Object.entries(BAD_PATHS)) {
  Deno.test(`parseRoute() rejects ${flaw} with a 404`, () => {
    const error = assertThrows(() => parseRoute(path), NotFoundError);
    assertEquals(error.status, 404);
    assertEquals(error.type, "input");
    assertEquals(error.message.includes(USER), false);
  });
}
