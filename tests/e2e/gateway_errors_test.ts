/** End to end: bad requests and Telegram's errors through the real CLI and the emulator, with their statuses and x-error-type. */
import { assertEquals, assertMatch } from "../assert.ts";
import { readJson, startBot, withWorld } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

Deno.test(
  "bad requests get the documented status and x-error-type",
  options,
  () =>
    withWorld(async ({ gateway, bot }) => {
      const base = `/bot${bot.token}`;
      const expect = async (
        path: string,
        init: RequestInit | undefined,
        status: number,
        type: string | null,
        body?: RegExp,
      ) => {
        const response = await readJson(await gateway.fetch(path, init));
        assertEquals([path, response.status, response.errorType], [
          path,
          status,
          type,
        ]);
        if (body) assertMatch(String(response.body), body);
        return response;
      };
      await expect(
        `${base}/noSuchMethod`,
        undefined,
        404,
        "input",
        /Unknown method: noSuchMethod/,
      );
      await expect(`${base}/constructor`, undefined, 404, "input");
      await expect(`${base}/exportSession`, undefined, 404, "input");
      await expect(`${base}/mtcute.exportSession`, undefined, 404, "input");
      await expect(
        `${base}/mtcute.noSuchMethod`,
        undefined,
        404,
        "input",
        /^Unknown method: mtcute\.noSuchMethod$/,
      );
      // mtcute's names answer only with the prefix, and the 404 says so.
      await expect(
        `${base}/sendText`,
        undefined,
        404,
        "input",
        /^Unknown method: sendText; mtcute's sendText is called as mtcute\.sendText$/,
      );
      await expect(
        `/botnot-a-token/getMe`,
        undefined,
        404,
        "input",
        /malformed/,
      );
      await expect(
        `${base}/getMe`,
        // A byte body, because fetch labels a string body text/plain by itself.
        { method: "POST", body: new TextEncoder().encode("[]") },
        400,
        "input",
        /Content-Type/,
      );
      await expect(
        `${base}/getMe`,
        {
          method: "POST",
          headers: { "content-type": "text/plain" },
          body: "x",
        },
        415,
        "input",
      );
      const put = await gateway.fetch(`${base}/getMe`, { method: "PUT" });
      assertEquals([put.status, put.headers.get("allow")], [405, "GET, POST"]);
      await put.body?.cancel();
      await expect(
        `${base}/getMe`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "[1,",
        },
        400,
        "input",
      );
      // Two positional arguments, not a name given twice.
      await expect(
        `${base}/getMe?1&1`,
        undefined,
        400,
        "input",
        /^getMe takes no arguments; got 2$/,
      );
      await expect(
        `${base}/getMe?a=1&a=2`,
        undefined,
        400,
        "input",
        /more than once/,
      );
      await expect(
        `${base}/getMe`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: `[${"1,".repeat(60_000)}1]`,
        },
        413,
        "input",
      );
      const invoke = (body: unknown) => ({
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify([body]),
      });
      await expect(
        `${base}/invoke`,
        invoke({ _: "auth.logOut" }),
        403,
        "input",
        /auth\.logOut/,
      );
      await expect(
        `${base}/invoke`,
        invoke({ _: "no.suchFunction" }),
        400,
        "input",
        /no\.suchFunction/,
      );
      await expect(
        `${base}/invoke`,
        invoke({ _: "users.getUsers", id: [{ _: "inputUserSelf" }], extra: 1 }),
        400,
        "input",
        /extra/,
      );
      const invoked = await expect(
        `${base}/invoke`,
        invoke({ _: "users.getUsers", id: [{ _: "inputUserSelf" }] }),
        200,
        null,
      );
      assertEquals((invoked.body as { _: string; id: number }[])[0].id, bot.id);
    }, { gatewayArgs: ["--max-body", "65536"] }),
);

Deno.test(
  "Telegram errors pass through with their code, text and Retry-After",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      await startBot({ dc, gateway, bot, userId });
      // mtcute's methods and MTKruto's alike.
      for (const method of ["mtcute.sendText", "sendMessage"]) {
        await dc.control("POST", "/faults", {
          method: "messages.sendMessage",
          error: "FLOOD_WAIT_42",
          times: 1,
        });
        const flood = await gateway.fetch(
          `/bot${bot.token}/${method}?${userId}&"hi"`,
        );
        assertEquals([
          method,
          flood.status,
          flood.headers.get("x-error-type"),
          flood.headers.get("retry-after"),
        ], [method, 420, "rpc", "42"]);
        assertEquals(await flood.json(), "FLOOD_WAIT_42");
      }

      await dc.control("POST", "/faults", {
        method: "messages.getHistory",
        error: "CHAT_ADMIN_REQUIRED",
        times: 1,
      });
      const rpc = await readJson(
        await gateway.fetch(`/bot${bot.token}/mtcute.getHistory?${userId}`),
      );
      assertEquals([rpc.status, rpc.errorType, rpc.body], [
        400,
        "rpc",
        "CHAT_ADMIN_REQUIRED",
      ]);
    }),
);
