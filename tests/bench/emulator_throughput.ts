/**
 * Issue 2: the emulator's own capacity, so the other tables can tell when
 * the emulator, not the gateway, is the limit.
 *
 * - RPCs: logged-in direct mtcute clients calling `help.getNearestDc` and
 *   `users.getUsers` in bounded loops, several in flight; with the emulator's
 *   CPU per RPC, which gives its ceiling on one core whoever the client is.
 * - Connections: N TCP connections opened, each completing the auth-key
 *   exchange and an encrypted ping (`tests/dc/light_client.ts`), all kept open; then
 *   every one pinged at once, and an mtcute client's RPC latency compared
 *   with and without them. Emulator VmRSS along the way.
 */
import type { TelegramClient } from "@mtcute/core/client.js";
import {
  closeDirect,
  createBot,
  directBot,
  directContext,
  startDc,
} from "./_world.ts";
import { LightConnection, serverKey } from "../dc/light_client.ts";
import {
  cpuSeconds,
  mib,
  ms,
  num,
  pct,
  rssBytes,
  runLoad,
  type Section,
  table,
} from "./_stats.ts";

/** Options of `benchEmulator`. */
export interface EmulatorOptions {
  /** Length of each RPC run in ms (default 3000). */
  runMs?: number;
  /** Connections to open (default 1000). */
  connections?: number;
  /** Handshakes in progress at once (default 16). */
  handshakeConcurrency?: number;
  /** Longest the connection phase may take, in ms (default 120 s). */
  connectMaxMs?: number;
}

/** Logged-in clients and calls in flight per client, for each RPC run. */
const RPC_RUNS = [
  { method: "help.getNearestDc", clients: 1, perClient: 1 },
  { method: "help.getNearestDc", clients: 1, perClient: 32 },
  { method: "help.getNearestDc", clients: 4, perClient: 8 },
  { method: "help.getNearestDc", clients: 16, perClient: 4 },
  { method: "users.getUsers", clients: 1, perClient: 32 },
  { method: "users.getUsers", clients: 4, perClient: 8 },
] as const;

function rpc(client: TelegramClient, method: string): Promise<unknown> {
  return method === "help.getNearestDc"
    ? client.call({ _: "help.getNearestDc" })
    : client.call({ _: "users.getUsers", id: [{ _: "inputUserSelf" }] });
}

/** Measures the emulator (see the module comment); returns the report section. */
export async function benchEmulator(
  options: EmulatorOptions = {},
): Promise<Section> {
  const {
    runMs = 3000,
    connections = 1000,
    handshakeConcurrency = 16,
    connectMaxMs = 120_000,
  } = options;
  const dc = await startDc();
  const pid = dc.child.process.pid;
  const context = await directContext(dc);
  const clients: TelegramClient[] = [];
  const opened: LightConnection[] = [];
  try {
    const rssStart = rssBytes(pid);
    const clientCount = Math.max(...RPC_RUNS.map((run) => run.clients));
    for (let i = 0; i < clientCount; i++) {
      clients.push(await directBot(context, await createBot(dc, "emu")));
    }

    const rpcRows: (string | number)[][] = [];
    for (const run of RPC_RUNS) {
      const before = { emulator: cpuSeconds(pid), bench: cpuSeconds("self") };
      const result = await runLoad({
        concurrency: run.clients * run.perClient,
        maxOps: 200_000,
        maxMs: runMs,
        op: (slot) => rpc(clients[slot % run.clients], run.method),
      });
      const emulatorCpu = cpuSeconds(pid) - before.emulator;
      const perRpcUs = emulatorCpu / result.count * 1e6;
      rpcRows.push([
        run.method,
        `${run.clients} × ${run.perClient}`,
        num(result.perSecond),
        `${ms(result.p50)} / ${ms(result.p99)}`,
        pct(emulatorCpu / result.seconds),
        pct((cpuSeconds("self") - before.bench) / result.seconds),
        num(perRpcUs),
        num(1e6 / perRpcUs),
      ]);
    }

    // Connections: latency of one client's RPCs before, the handshakes, then the same with all open.
    const probe = clients[0];
    const probeRun = () =>
      runLoad({
        concurrency: 1,
        maxOps: 5000,
        maxMs: Math.min(runMs, 2000),
        op: () => rpc(probe, "help.getNearestDc"),
      });
    const idleLatency = await probeRun();
    const rssBeforeConnections = rssBytes(pid);
    const key = await serverKey(await Deno.readTextFile(dc.publicKeyPath));
    const cpuBefore = cpuSeconds(pid);
    const benchBefore = cpuSeconds("self");
    const handshakes = await runLoad({
      concurrency: handshakeConcurrency,
      maxOps: connections,
      maxMs: connectMaxMs,
      warmupOps: 0,
      op: async () => {
        const connection = await LightConnection.connect(dc.port);
        opened.push(connection);
        await connection.handshake(key);
        await connection.ping();
      },
    });
    const handshakeCpu = cpuSeconds(pid) - cpuBefore;
    const handshakeBenchCpu = cpuSeconds("self") - benchBefore;
    const rssWithConnections = rssBytes(pid);
    const pingStarted = performance.now();
    const pings = await Promise.allSettled(
      opened.map((connection) => connection.ping({ timeoutMs: 30_000 })),
    );
    const pingSeconds = (performance.now() - pingStarted) / 1000;
    const answered = pings.filter((p) => p.status === "fulfilled").length;
    const busyLatency = await probeRun();
    const stillOpen = opened.filter((connection) => connection.open).length;
    await Promise.all(opened.splice(0).map((connection) => connection.close()));
    const rssAfterClose = rssBytes(pid);

    const done = handshakes.count;
    const connectionRows = [
      [
        "Connections opened with a key and a ping answered",
        `${done} of ${connections}`,
      ],
      [
        "Handshakes/s (with ping, " + `${handshakeConcurrency} at once)`,
        num(handshakes.perSecond),
      ],
      [
        "Handshake + ping p50 / p99 (ms)",
        `${ms(handshakes.p50)} / ${ms(handshakes.p99)}`,
      ],
      [
        "Emulator CPU per handshake (ms)",
        ms(handshakeCpu / Math.max(1, done) * 1000),
      ],
      [
        "CPU while handshaking: emulator, bench (client side)",
        `${pct(handshakeCpu / handshakes.seconds)}, ${
          pct(handshakeBenchCpu / handshakes.seconds)
        }`,
      ],
      [
        "Then all pinged at once: answered",
        `${answered} of ${pings.length} in ${ms(pingSeconds * 1000)} ms`,
      ],
      ["Still open at the end", `${stillOpen} of ${pings.length}`],
      [
        "mtcute getNearestDc p50 / p99 (ms), 1 in flight: alone → with the connections open",
        `${ms(idleLatency.p50)} / ${ms(idleLatency.p99)} → ${
          ms(busyLatency.p50)
        } / ${ms(busyLatency.p99)}`,
      ],
      [
        "Emulator VmRSS: start → 16 clients → connections open → closed",
        `${mib(rssStart)} → ${mib(rssBeforeConnections)} → ${
          mib(rssWithConnections)
        } → ${mib(rssAfterClose)}`,
      ],
      [
        "VmRSS per open connection (KiB)",
        num(
          (rssWithConnections - rssBeforeConnections) / Math.max(1, done) /
            1024,
        ),
      ],
      ...(handshakes.errors
        ? [[
          "Failed handshakes",
          `${handshakes.errors} (${handshakes.firstError})`,
        ]]
        : []),
    ];

    const markdown = [
      "Direct mtcute clients (bots, logged in) in the bench process; `clients × in flight per client`. " +
      "Emulator CPU per RPC is its CPU time over the run divided by the RPCs answered; " +
      "the ceiling is what one fully busy core would answer at that cost (the emulator's JavaScript runs on one thread).",
      "",
      table([
        "RPC",
        "Clients × in flight",
        "RPC/s",
        "p50 / p99 ms",
        "Emulator CPU",
        "Bench CPU",
        "Emulator µs/RPC",
        "Ceiling RPC/s",
      ], rpcRows),
      "",
      `Connections: raw MTProto connections (intermediate transport, RSA_PAD key exchange, ` +
      `then an encrypted ping), ${handshakeConcurrency} handshakes in progress at once, all kept open.`,
      "",
      table(["Connections", "Result"], connectionRows),
    ].join("\n");
    return { title: "Emulator capacity (issue 2)", markdown };
  } finally {
    await Promise.all(opened.map((connection) => connection.close()));
    await closeDirect(context, clients);
    await dc.stop();
  }
}
