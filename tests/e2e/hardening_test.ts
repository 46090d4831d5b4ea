/** End to end: each defect of the hardening review (issue 13), against the real CLI and emulator. */
import { assertEquals, assertMatch } from "../assert.ts";
import { botLogins, readJson, startBot, withWorld } from "./harness.ts";
import type { Gateway } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };
const JSON_HEADERS = { "content-type": "application/json" };
const MADE_UP_USER = "/userAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** POSTs `body` as JSON; returns status, error type and parsed body. */
async function postJson(gateway: Gateway, path: string, body: string) {
  return await readJson(
    await gateway.fetch(path, {
      method: "POST",
      headers: JSON_HEADERS,
      body,
    }),
  );
}

/** A multipart request of text parts (strings) and file parts (Files). */
async function postForm(
  gateway: Gateway,
  path: string,
  parts: [string, string | File][],
) {
  const form = new FormData();
  for (const [name, value] of parts) form.append(name, value);
  return await readJson(
    await gateway.fetch(path, { method: "POST", body: form }),
  );
}

Deno.test(
  "hardening: no argument, body or path from the review crashes the gateway or answers 5xx",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const base = `/bot${bot.token}`;
      const alive = async () => {
        const me = await readJson(await gateway.fetch(`${base}/getMe`));
        assertEquals([me.status, (me.body as { id: number }).id], [
          200,
          bot.id,
        ]);
      };
      await startBot({ dc, gateway, bot, userId });
      await alive();

      // 1. Deep JSON used to end the process (5,000 levels) or answer 500 (3,000).
      for (const depth of [3000, 5000]) {
        const deep = "[".repeat(depth) + "]".repeat(depth);
        const viaBody = await postJson(gateway, `${MADE_UP_USER}/getMe`, deep);
        assertEquals([viaBody.status, viaBody.errorType], [400, "input"]);
        assertMatch(String(viaBody.body), /more than 64 levels deep/);
        const viaSearch = await readJson(
          await gateway.fetch(`${base}/getMe?${encodeURIComponent(deep)}`),
        );
        assertEquals([viaSearch.status, viaSearch.errorType], [400, "input"]);
      }
      // A flat 9.8 MB array of numbers to getMe used to overflow the stack in the worker.
      const flat = `[${new Array(4_900_000).fill("1").join(",")}]`;
      const wide = await postJson(gateway, `${base}/getMe`, flat);
      assertEquals([wide.status, wide.body], [
        400,
        "getMe takes no arguments; got 4900000",
      ]);
      await alive();

      // 2. Arguments of the wrong type are 400s naming the argument.
      const wrong: [string, string, RegExp][] = [
        [
          "mtcute.sendText",
          `[${userId}, 5]`,
          /^Argument 2 of mtcute\.sendText \(text\) must be a string, or .*; got the number 5$/,
        ],
        [
          "mtcute.sendText",
          "{}",
          /^Argument 1 of mtcute\.sendText \(chatId\) must be a chat: .*; got an object$/,
        ],
        [
          "mtcute.setMyCommands",
          '[{"commands":[1]}]',
          /^Argument 1 of mtcute\.setMyCommands \(params\), at \.commands\[0\], must be a TL object \{"_": "botCommand", …\}/,
        ],
        // MTKruto's methods name their arguments the same way.
        [
          "sendMessage",
          `[${userId}, 5]`,
          /^Argument 2 of sendMessage \(text\) must be a string; got the number 5$/,
        ],
        [
          "sendMessage",
          "{}",
          /^Argument 1 of sendMessage \(chatId\) must be .*; got an object/,
        ],
      ];
      for (const [method, body, message] of wrong) {
        const response = await postJson(gateway, `${base}/${method}`, body);
        assertEquals([method, body, response.status, response.errorType], [
          method,
          body,
          400,
          "input",
        ]);
        assertMatch(String(response.body), message);
      }
      // Plain command objects work: "_" is implied by the declared type.
      const set = await postJson(
        gateway,
        `${base}/mtcute.setMyCommands`,
        '[{"commands":[{"command":"start","description":"Start the bot"}]}]',
      );
      assertEquals(set.status, 200);
      const commands = await readJson(
        await gateway.fetch(`${base}/mtcute.getMyCommands`),
      );
      assertEquals(commands.body, [
        { _: "botCommand", command: "start", description: "Start the bot" },
      ]);

      // 3. A path on the server is never a file.
      const passwd = await postJson(
        gateway,
        `${base}/mtcute.sendMedia`,
        `[${userId}, {"type": "document", "file": "/etc/passwd"}]`,
      );
      assertEquals([passwd.status, passwd.errorType], [400, "input"]);
      assertMatch(
        String(passwd.body),
        /^Argument 2 of mtcute\.sendMedia \(media\), at \.file, must be a file: a file id, an http\(s\) URL, or \{"_": "file", "field": "<part name>"\} for a multipart file part; got the string "\/etc\/passwd"$/,
      );

      // 4. A bad file id is a 400 before any 200 is sent.
      const garbage = await readJson(
        await gateway.fetch(`${base}/download?%22garbage%22`),
      );
      assertEquals([garbage.status, garbage.errorType], [400, "input"]);
      assertMatch(
        String(garbage.body),
        /^download: "garbage" is not a file id/,
      );

      // 5. A file part where JSON belongs is an immediate 400 naming the part (it used to wait for the timeout).
      const media = new File(
        ['{"type": "document", "file": {"_": "file", "field": "doc"}}'],
        "m.json",
        { type: "application/json" },
      );
      const doc = new File(["hello"], "a.txt", { type: "text/plain" });
      const mediaAsFile = await postForm(gateway, `${base}/mtcute.sendMedia`, [
        ["chat", String(userId)],
        ["media", media],
        ["doc", doc],
      ]);
      assertEquals([mediaAsFile.status, mediaAsFile.errorType], [400, "input"]);
      assertMatch(
        String(mediaAsFile.body),
        /^Argument 2 of mtcute\.sendMedia \(media\) must be .*; got the multipart file part "media"; a file part can only stand where a file is expected/,
      );
      const chatAsFile = await postForm(gateway, `${base}/mtcute.sendMedia`, [
        ["chat", doc],
        [
          "media",
          '{"type": "document", "file": {"_": "file", "field": "doc"}}',
        ],
        ["doc", doc],
      ]);
      assertEquals([chatAsFile.status, chatAsFile.errorType], [400, "input"]);
      assertMatch(
        String(chatAsFile.body),
        /^Argument 1 of mtcute\.sendMedia \(chatId\) must be a chat: .*; got the multipart file part "chat"/,
      );
      // The same request, right, still sends the document.
      const sent = await postForm(gateway, `${base}/mtcute.sendMedia`, [
        ["chat", String(userId)],
        [
          "media",
          '{"type": "document", "file": {"_": "file", "field": "doc"}}',
        ],
        ["doc", doc],
      ]);
      assertEquals(sent.status, 200);

      // 6. /methods of a client that does not exist: 404 for a user id, 401 for a token; no stats row.
      const rowsBefore = (await gateway.stats()).clients.length;
      const randomUser = `/user${
        crypto.getRandomValues(new Uint8Array(16)).toHex()
      }`;
      const unknownUser = await readJson(
        await gateway.fetch(`${randomUser}/methods`),
      );
      assertEquals([unknownUser.status, unknownUser.errorType], [404, "input"]);
      const unknownBot = await readJson(
        await gateway.fetch(`/bot${bot.id + 77}:${"A".repeat(35)}/methods`),
      );
      assertEquals([unknownBot.status, unknownBot.errorType], [
        401,
        "unauthorized",
      ]);
      const methods = await readJson(await gateway.fetch(`${base}/methods`));
      assertEquals(methods.status, 200);
      const list = methods.body as {
        gateway: string[];
        mtkruto: Record<string, string[]>;
        mtcute: Record<string, string[]>;
      };
      assertEquals(Object.keys(list), ["gateway", "mtkruto", "mtcute"]);
      assertEquals(list.gateway.includes("invoke"), true);
      // MTKruto's methods are listed as signatures, mtcute's by the name to call them with.
      const mtkruto = Object.values(list.mtkruto).flat();
      assertEquals(
        mtkruto.filter((signature) => signature.startsWith("sendMessage(")),
        [
          "sendMessage(chatId: ID, text: string, params?: SendMessageParams): MessageText",
        ],
      );
      const mtcute = Object.values(list.mtcute).flat();
      assertEquals(mtcute.includes("mtcute.sendText"), true);
      assertEquals(mtcute.filter((name) => !name.startsWith("mtcute.")), []);
      assertEquals((await gateway.stats()).clients.length, rowsBefore);

      // 7. A percent-encoded colon in the token names the same bot: same session, no second login.
      const logins = await botLogins(dc, bot);
      const encoded = await readJson(
        await gateway.fetch(`/bot${bot.token.replace(":", "%3A")}/getMe`),
      );
      assertEquals([encoded.status, (encoded.body as { id: number }).id], [
        200,
        bot.id,
      ]);
      assertEquals(await botLogins(dc, bot), logins);
      assertEquals((await gateway.stats()).clients.length, rowsBefore);

      // 8. Every answer is JSON, the stats' 405 too.
      const put = await gateway.fetch("/stats", { method: "PUT" });
      assertEquals(
        [put.status, put.headers.get("content-type"), await put.json()],
        [
          405,
          "application/json; charset=utf-8",
          "HTTP method PUT is not allowed; use GET or HEAD",
        ],
      );
      await alive();

      // 9. An inline message id naming a DC Telegram does not have (any 48
      // characters decode to one) made mtcute retry that DC forever: the
      // worker spun at full CPU and every later call timed out.
      const noSuchDc = await postJson(
        gateway,
        `${base}/mtcute.getInlineGameHighScores`,
        JSON.stringify(["x".repeat(48)]),
      );
      assertEquals([noSuchDc.status, noSuchDc.errorType], [400, "input"]);
      assertMatch(String(noSuchDc.body), /^Could not find DC -?\d+$/);
      await alive();
      assertEquals(
        gateway.child.output().includes("internal error"),
        false,
      );
    }),
);
