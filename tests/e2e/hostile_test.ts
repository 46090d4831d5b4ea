/**
 * The hostile-input suite: a few thousand generated requests of every class
 * an attacker or a confused user sends, against the real gateway and
 * emulator. None may answer 5xx, go unanswered, or answer anything but JSON;
 * the process must survive with its memory, disk and stats table as they
 * were, and the real bot must still work.
 */
import { assertEquals } from "../assert.ts";
import { rssBytes } from "../bench/_stats.ts";
import { hostileRequests } from "./_hostile_inputs.ts";
import type { HostileRequest, Target } from "./_hostile_inputs.ts";
import { exchange } from "./_raw_http.ts";
import type { RawExchange } from "./_raw_http.ts";
import { readJson, startBot, withWorld } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** Requests in flight at once. */
const CONCURRENCY = 16;
/** A request unanswered for this long counts as a hang (well past the gateway's own bounds below). */
const HANG_MS = 20_000;
/** Calls time out after 10 s; a getUpdates without a timeout waits 5 s on top (its default, 60 s, would be a hang). */
const GATEWAY_ARGS = ["--request-timeout", "10", "--poll-timeout", "5"];
/** Seeds of the warm-up rounds and the measured run; change them to explore, keep them to replay. */
const WARM_UP_SEED = 13;
const WARM_UP_ROUNDS = 4;
const SEED = 1313;

/** What is wrong with an exchange, or undefined if it is an acceptable answer. */
function fault(
  request: HostileRequest,
  answer: RawExchange,
): string | undefined {
  if (answer.closed) {
    // Malformed HTTP may be dropped by the HTTP server without an answer; anything else must get one.
    return request.framing ? undefined : "no answer";
  }
  const status = answer.status!;
  if (status >= 500) return `status ${status}`;
  if (request.framing) return undefined;
  const type = answer.headers.get("content-type") ?? "";
  const downloaded = status === 200 || status === 206;
  if (downloaded && answer.headers.has("content-disposition")) return undefined;
  if (request.page && status < 300) return undefined;
  if (!type.startsWith("application/json")) return `content-type "${type}"`;
  // A HEAD answer has the headers of a JSON answer and no body.
  if (answer.body.length === 0 && status !== 204) {
    return new TextDecoder().decode(answer.body) === "" &&
        request.bytes[0] === 72 // "H": HEAD
      ? undefined
      : "empty body";
  }
  try {
    JSON.parse(new TextDecoder().decode(answer.body));
  } catch {
    return "a body that is not JSON";
  }
  return undefined;
}

interface Tally {
  statuses: Map<string, number>;
  faults: string[];
}

/** Sends `requests`, counting statuses and faults by class into `tallies` (a new map by default). */
async function run(
  port: number,
  requests: HostileRequest[],
  tallies = new Map<string, Tally>(),
): Promise<Map<string, Tally>> {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const tally: Tally = tallies.get(request.kind) ??
        { statuses: new Map(), faults: [] };
      tallies.set(request.kind, tally);
      const answer = await exchange(port, request.bytes, {
        timeoutMs: HANG_MS,
      });
      const status = answer.closed ? "closed" : String(answer.status);
      tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
      const problem = fault(request, answer);
      if (problem) {
        // The request line and the start of the body say which request it was.
        const text = new TextDecoder().decode(request.bytes);
        const bodyAt = text.indexOf("\r\n\r\n") + 4;
        const head = text.slice(0, text.indexOf("\r\n")) + " " +
          text.slice(bodyAt, bodyAt + 300);
        const body = new TextDecoder().decode(answer.body.subarray(0, 200));
        tally.faults.push(`${problem} for ${JSON.stringify(head)}: ${body}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return tallies;
}

function summary(tallies: Map<string, Tally>): string {
  const lines = [...tallies].sort(([a], [b]) => a.localeCompare(b)).map(
    ([kind, { statuses }]) => {
      const total = [...statuses.values()].reduce((a, b) => a + b, 0);
      const byStatus = [...statuses].sort(([a], [b]) => a.localeCompare(b))
        .map(([status, n]) => `${status}×${n}`).join(" ");
      return `  ${kind.padEnd(18)} ${String(total).padStart(5)}  ${byStatus}`;
    },
  );
  return lines.join("\n");
}

/** Every file under `dir`, relative, sorted. */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory) {
      names.push(...await listFiles(`${dir}/${entry.name}`, `${path}/`));
    } else names.push(path);
  }
  return names.sort();
}

Deno.test(
  "hostile input: thousands of generated requests get 4xx JSON answers and change nothing",
  options,
  () =>
    withWorld(async (world) => {
      const { dc, gateway, bot, userId } = world;
      await startBot(world);
      const port = Number(new URL(gateway.url).port);
      const target: Target = {
        host: new URL(gateway.url).host,
        token: bot.token,
        botId: bot.id,
        userId,
      };
      const pid = gateway.child.process.pid;

      // The warm-up grows the heaps to their working size, so growth after it is what leaks:
      // measured over 14 rounds, RSS climbs for three (160 → 310 MiB), then stays within ±15 MiB.
      const warmUp = new Map<string, Tally>();
      for (let round = 0; round < WARM_UP_ROUNDS; round++) {
        await run(port, hostileRequests(target, WARM_UP_SEED + round), warmUp);
      }
      const rssBefore = rssBytes(pid);
      const filesBefore = await listFiles(gateway.dataDir);
      const rowsBefore = (await gateway.stats()).clients.map((c) => c.label);

      const requests = hostileRequests(target, SEED);
      const started = performance.now();
      const tallies = await run(port, requests);
      const seconds = (performance.now() - started) / 1000;
      const rssAfter = rssBytes(pid);
      console.log(
        `${requests.length} hostile requests (seed ${SEED}) in ${
          seconds.toFixed(1)
        } s, ` +
          `gateway RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${
            (rssAfter / 2 ** 20).toFixed(0)
          } MiB:\n` +
          summary(tallies),
      );

      const faults = [...warmUp, ...tallies].flatMap(([kind, tally]) =>
        tally.faults.map((f) => `${kind}: ${f}`)
      );
      // One line per kind of fault: the same mistake repeated says nothing more.
      const distinct = [...new Set(faults.map((f) => f.replace(/\d+/g, "N")))];
      assertEquals(distinct.slice(0, 30), []);
      // Still running, still answering: the bot's own calls work.
      const me = await readJson(await gateway.fetch(`/bot${bot.token}/getMe`));
      assertEquals([me.status, (me.body as { id: number }).id], [200, bot.id]);
      const sent = await readJson(
        await gateway.fetch(`/bot${bot.token}/mtcute.sendText`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify([userId, "still here"]),
        }),
      );
      assertEquals(sent.status, 200);
      const messages = await dc.control<{ text: string }[]>(
        "GET",
        `/messages?user=${userId}&peer=${bot.id}`,
      );
      assertEquals(messages.at(-1)?.text, "still here");
      // Made-up ids left no session files, spooled uploads or stats rows behind.
      assertEquals(await listFiles(gateway.dataDir), filesBefore);
      assertEquals(
        (await gateway.stats()).clients.map((c) => c.label),
        rowsBefore,
      );
      // Past the warm-up the heaps have their working size; a leak per request would show here.
      const grownMiB = (rssAfter - rssBefore) / 2 ** 20;
      assertEquals(
        [`RSS grew by ${grownMiB.toFixed(0)} MiB`, grownMiB < 64],
        [`RSS grew by ${grownMiB.toFixed(0)} MiB`, true],
      );
      assertEquals(gateway.child.output().includes("internal error"), false);
    }, { gatewayArgs: GATEWAY_ARGS }),
);
