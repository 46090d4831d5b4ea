/**
 * End to end: slow and surplus clients against the real CLI. Connections that
 * stall before their headers, between requests or in a body are dropped
 * within --header-timeout, --keepalive-timeout and --body-timeout,
 * --max-connections refuses the one too many, and /stats counts all of it.
 */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import type { StatsSnapshot } from "../../src/stats/snapshot.ts";
import { startDc, startGateway, until } from "./harness.ts";
import type { Bot, Dc, Gateway } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Generous: the timeouts below are 1 s, and a closed connection must be seen well before this. */
const CLOSED_WITHIN_MS = 5_000;

/** What a raw connection got back before the server closed it (or the test gave up). */
interface Talk {
  text: string;
  closed: boolean;
  ms: number;
}

/**
 * Connects to the gateway, writes `parts` (waiting `gapMs` between them) and
 * reads until the server closes the connection or `giveUpMs` passes.
 */
async function talk(
  gateway: Gateway,
  parts: string[],
  { gapMs = 0, giveUpMs = CLOSED_WITHIN_MS * 2 } = {},
): Promise<Talk> {
  const conn = await Deno.connect({
    hostname: "127.0.0.1",
    port: Number(new URL(gateway.url).port),
  });
  const started = performance.now();
  let closed = false;
  const giveUp = setTimeout(() => conn.close(), giveUpMs);
  const reading = (async () => {
    let text = "";
    const buffer = new Uint8Array(16 * 1024);
    try {
      while (true) {
        const read = await conn.read(buffer);
        if (read === null) break;
        text += decoder.decode(buffer.subarray(0, read));
      }
      closed = true;
    } catch (error) {
      // A reset is the server closing too; our own close (giving up) is not.
      closed = error instanceof Deno.errors.ConnectionReset;
    }
    return text;
  })();
  for (const [index, part] of parts.entries()) {
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    await conn.write(encoder.encode(part)).catch(() => {});
  }
  const text = await reading;
  const ms = performance.now() - started;
  clearTimeout(giveUp);
  try {
    conn.close();
  } catch { /* closed already */ }
  return { text, closed, ms };
}

function assertClosedInTime(what: string, talked: Talk) {
  assert(talked.closed, `${what}: the server never closed the connection`);
  assert(
    talked.ms < CLOSED_WITHIN_MS,
    `${what}: closed after ${Math.round(talked.ms)} ms`,
  );
}

/** A fetch client that keeps no idle connections, so none counts against the limits. */
const client = Deno.createHttpClient({ poolMaxIdlePerHost: 0 });

function get(gateway: Gateway, path: string): Promise<Response> {
  return fetch(`${gateway.url}${path}`, { client });
}

async function stats(gateway: Gateway): Promise<StatsSnapshot> {
  return await (await get(gateway, "/stats.json")).json();
}

async function withDc(fn: (dc: Dc, bot: Bot) => Promise<void>) {
  const dc = await startDc();
  try {
    const bot = await dc.control<Bot>("POST", "/bots", {
      username: "slow_bot",
    });
    await fn(dc, bot);
  } finally {
    await dc.stop();
  }
}

async function withGateway(
  dc: Dc,
  extraArgs: string[],
  fn: (gateway: Gateway) => Promise<void>,
) {
  const gateway = await startGateway({ dc, extraArgs });
  try {
    await fn(gateway);
  } catch (error) {
    console.error(`--- gateway output ---\n${gateway.child.output()}`);
    throw error;
  } finally {
    await gateway.stop();
    await Deno.remove(gateway.dataDir, { recursive: true }).catch(() => {});
  }
}

Deno.test(
  "slow clients: stalled headers and bodies are dropped within their timeouts, surplus connections are refused, /stats counts both",
  options,
  () =>
    withDc(async (dc, bot) => {
      await withGateway(
        dc,
        [
          "--header-timeout",
          "1",
          "--keepalive-timeout",
          "1",
          "--body-timeout",
          "1",
        ],
        async (gateway) => {
          const post = (length: number, body: string) =>
            `POST /bot${bot.token}/getMe HTTP/1.1\r\nhost: gateway\r\n` +
            `content-type: application/json\r\ncontent-length: ${length}\r\n\r\n${body}`;
          const [halfLine, stalledBody, slowBody, kept] = await Promise.all([
            talk(gateway, ["GET /bot"]),
            // Content-Length 100, 10 bytes sent.
            talk(gateway, [post(100, "[0123456, ")]),
            // Slow but within the timeouts: it must be served, not dropped.
            talk(gateway, [
              post(2, "[").replace("\r\n\r\n", "\r\nconnection: close\r\n\r\n"),
              "]",
            ], { gapMs: 300 }),
            // Answered, then kept alive without a next request.
            talk(gateway, [
              `GET /bot${bot.token}/getMe HTTP/1.1\r\nhost: gateway\r\n\r\n`,
            ]),
          ]);

          assertClosedInTime("half a request line", halfLine);
          assertEquals(halfLine.text, "");

          assertClosedInTime("a stalled body", stalledBody);
          const [head, body] = stalledBody.text.split("\r\n\r\n");
          assertMatch(head, /^HTTP\/1\.1 408 /);
          assertMatch(head, /\r\nx-error-type: timeout\r\n/i);
          assertMatch(JSON.parse(body), /--body-timeout/);

          assertMatch(slowBody.text, /^HTTP\/1\.1 200 /);
          assertMatch(slowBody.text, /"slow_bot"/);

          assertMatch(kept.text, /^HTTP\/1\.1 200 /);
          assertClosedInTime("an idle kept-alive connection", kept);

          const { connections } = await stats(gateway);
          assert(connections, "the stats have no connections");
          assertEquals(connections.guarded, true);
          assertEquals(connections.headerTimeouts, 1);
          assertEquals(connections.bodyTimeouts, 1);
          assert(
            connections.keepAliveTimeouts >= 1,
            "the idle close is counted",
          );
          assertEquals(connections.refused, 0);

          const metrics = await get(gateway, "/stats/metrics")
            .then((response) => response.text());
          assertMatch(metrics, /^mtkruto_http_header_timeouts_total 1$/m);
          assertMatch(metrics, /^mtkruto_http_body_timeouts_total 1$/m);
          const html = await get(gateway, "/stats")
            .then((response) => response.text());
          assertMatch(html, /data-field="connections-header-timeouts"[^>]*>1</);
          assertMatch(html, /data-field="connections-body-timeouts"[^>]*>1</);
        },
      );

      await withGateway(dc, ["--max-connections", "3"], async (gateway) => {
        const port = Number(new URL(gateway.url).port);
        const idle = await Promise.all(
          [1, 2, 3].map(() => Deno.connect({ hostname: "127.0.0.1", port })),
        );
        const fourth = await talk(gateway, []);
        assertClosedInTime("a fourth connection", fourth);
        assertMatch(fourth.text, /^HTTP\/1\.1 503 /);
        assertMatch(fourth.text, /\r\nx-error-type: unavailable\r\n/i);
        for (const conn of idle) conn.close();

        // The server sees the three close as soon as it reads their end; a
        // call that races it is refused too, and counted.
        let refusedWhileClosing = 0;
        await until(
          async () => {
            const response = await get(gateway, `/bot${bot.token}/getMe`);
            await response.body?.cancel();
            if (response.status === 503) refusedWhileClosing++;
            return response.status === 200;
          },
          CLOSED_WITHIN_MS,
          "a call to work again after the idle connections closed",
        );
        const refused = 1 + refusedWhileClosing;
        const { connections } = await stats(gateway);
        assertEquals(connections?.refused, refused);
        assertEquals(connections?.limit, 3);
        const metrics = await get(gateway, "/stats/metrics")
          .then((response) => response.text());
        assertEquals(
          metrics.match(/^mtkruto_http_connections_refused_total (\d+)$/m)?.[1],
          String(refused),
        );
        assertMatch(metrics, /^mtkruto_http_connections_limit 3$/m);
      });
    }),
);
