/**
 * Issue 3: what the gateway costs per call. `getMe` (MTKruto's) and
 * `mtcute.sendText` through the gateway (POST JSON over keep-alive HTTP) against direct mtcute clients
 * in this process, built by the gateway's own client factory, against the
 * same emulator; 1 and 32 calls in flight; `--workers` 1 and 2 (two bots on
 * different workers, load split between them, against two direct clients).
 * Direct and gateway runs alternate in rounds so drift hits both alike.
 * The HTTP load comes from a lean keep-alive client (`_http_load.ts`), as
 * wrk would send it; with `--workers 1` the same calls also go through
 * Deno's `fetch`, for reference.
 */
import type { TelegramClient } from "@mtcute/core/client.js";
import { spawnDeno } from "../e2e/process.ts";
import {
  type Bot,
  botPath,
  closeDirect,
  createBot,
  createUser,
  type Dc,
  directBot,
  directContext,
  type Gateway,
  gatewayCall,
  startDc,
  startDirectBot,
  startGateway,
  startGatewayBot,
} from "./_world.ts";
import { HttpLoadClient } from "./_http_load.ts";
import {
  type Cell,
  type FloorRow,
  type MemoryRow,
  renderGatewayCalls,
  type SideResult,
} from "./_gateway_calls_report.ts";
import { cpuSeconds, rssBytes, runLoad, type Section } from "./_stats.ts";

/** Options of `benchGatewayCalls`. */
export interface GatewayCallsOptions {
  /** Alternating direct/gateway rounds per cell (default 3). */
  rounds?: number;
  /** Length of one round in milliseconds (default 1500). */
  roundMs?: number;
  /** More flags for the gateway (e.g. to compare a setting against its default). */
  gatewayArgs?: string[];
}

const METHODS = ["getMe", "sendText", "sendMessage"] as const;
/**
 * Each call's gateway method: MTKruto's `getMe`, mtcute's `sendText` by its
 * prefixed name, and MTKruto's `sendMessage` (the same Telegram call, its
 * result rendered in MTKruto's shape). Direct clients call `sendText` for both.
 */
const GATEWAY_METHOD: Record<typeof METHODS[number], string> = {
  getMe: "getMe",
  sendText: "mtcute.sendText",
  sendMessage: "sendMessage",
};
const CONCURRENCY = [1, 32] as const;
const WORKERS = [1, 2] as const;
/** Most calls per round, so a fast machine still ends each round. */
const MAX_OPS_PER_ROUND = 50_000;
/**
 * Unmeasured calls before each round. Without them the first round of a call
 * measures V8 compiling its code path (on the same two cores): the gateway
 * showed 2.3 ms of CPU per getMe at 1 in flight instead of under 1 ms.
 */
const WARMUP_OPS = 200;

function emptySide(): SideResult {
  return {
    ops: 0,
    seconds: 0,
    latencies: [],
    errors: 0,
    cpu: { emulator: 0, gateway: 0, bench: 0 },
  };
}

/** Runs one round of `op` and adds it to `side`, with the CPU each process used. */
async function measureInto(
  side: SideResult,
  pids: { emulator: number; gateway: number },
  load: { concurrency: number; roundMs: number },
  op: (slot: number, sequence: number) => Promise<unknown>,
): Promise<void> {
  await runLoad({
    concurrency: load.concurrency,
    maxOps: WARMUP_OPS,
    maxMs: load.roundMs,
    warmupOps: 0,
    op,
  });
  const before = {
    emulator: cpuSeconds(pids.emulator),
    gateway: cpuSeconds(pids.gateway),
    bench: cpuSeconds("self"),
  };
  const result = await runLoad({
    concurrency: load.concurrency,
    maxOps: MAX_OPS_PER_ROUND,
    maxMs: load.roundMs,
    warmupOps: 0,
    op,
  });
  side.cpu.emulator += cpuSeconds(pids.emulator) - before.emulator;
  side.cpu.gateway += cpuSeconds(pids.gateway) - before.gateway;
  side.cpu.bench += cpuSeconds("self") - before.bench;
  for (const latency of result.latencies) side.latencies.push(latency);
  side.ops += result.count;
  side.seconds += result.seconds;
  side.errors += result.errors;
  side.firstError ??= result.firstError;
}

/** Which worker each client label is on, from the stats page (empty if it does not say). */
async function workersOfClients(gateway: Gateway): Promise<number[]> {
  try {
    const stats = await gateway.stats();
    return stats.clients.filter((client) => client.kind === "bot")
      .map((client) => client.worker ?? -1);
  } catch {
    return [];
  }
}

/** Everything for one `--workers` value: a fresh gateway, its bots and as many direct clients. */
async function benchWorkers(
  { dc, userId, workers, rounds, roundMs, gatewayArgs }: {
    dc: Dc;
    userId: number;
    workers: number;
    rounds: number;
    roundMs: number;
    gatewayArgs: string[];
  },
): Promise<
  { cells: Cell[]; floor: FloorRow[]; memory: MemoryRow; pinned: number[] }
> {
  const gateway = await startGateway({ dc, workers, extraArgs: gatewayArgs });
  const context = await directContext(dc);
  const clients: TelegramClient[] = [];
  let http: HttpLoadClient | undefined;
  try {
    const pid = gateway.child.process.pid;
    const idle = rssBytes(pid);
    const gatewayBots: Bot[] = [];
    // One after the other: each first call pins its bot to the least-loaded worker.
    for (let i = 0; i < workers; i++) {
      const bot = await createBot(dc, "gw");
      await startGatewayBot({ dc, gateway, bot, userId });
      gatewayBots.push(bot);
    }
    for (let i = 0; i < workers; i++) {
      const bot = await createBot(dc, "direct");
      const client = await directBot(context, bot);
      await startDirectBot({ dc, client, bot, userId });
      clients.push(client);
    }
    const pinned = await workersOfClients(gateway);
    const loggedIn = rssBytes(pid);
    const pids = { emulator: dc.child.process.pid, gateway: pid };
    const lean = await HttpLoadClient.open(
      gateway.url,
      Math.max(...CONCURRENCY),
    );
    http = lean;

    const cells: Cell[] = [];
    for (const method of METHODS) {
      const direct = (slot: number, sequence: number) => {
        const client = clients[slot % clients.length];
        return method === "getMe"
          ? client.getMe()
          : client.sendText(userId, `bench ${sequence}`);
      };
      const argsOf = (sequence: number) =>
        method === "getMe" ? [] : [userId, `bench ${sequence}`];
      const pathOf = (slot: number) =>
        botPath(gatewayBots[slot % gatewayBots.length], GATEWAY_METHOD[method]);
      const viaGateway = (slot: number, sequence: number) =>
        lean.post(slot, pathOf(slot), argsOf(sequence));
      const viaFetch = (slot: number, sequence: number) =>
        gatewayCall(
          gateway,
          gatewayBots[slot % gatewayBots.length],
          GATEWAY_METHOD[method],
          argsOf(sequence),
        );
      for (const concurrency of CONCURRENCY) {
        const cell: Cell = {
          workers,
          method,
          concurrency,
          direct: emptySide(),
          gateway: emptySide(),
          gatewayFetch: workers === 1 ? emptySide() : undefined,
        };
        const load = { concurrency, roundMs };
        for (let round = 0; round < rounds; round++) {
          // Alternate which side goes first, so neither always runs on a warmer (or fuller) emulator.
          const sides = [
            () => measureInto(cell.direct, pids, load, direct),
            () => measureInto(cell.gateway, pids, load, viaGateway),
          ];
          const { gatewayFetch } = cell;
          if (gatewayFetch) {
            sides.push(() => measureInto(gatewayFetch, pids, load, viaFetch));
          }
          if (round % 2) sides.reverse();
          for (const side of sides) await side();
        }
        cells.push(cell);
      }
    }
    // The gateway's own floor: a method the worker answers from memory, no Telegram call.
    const floor = await measureFloor({
      http,
      bots: gatewayBots,
      pids,
      roundMs,
      workers,
    });
    return {
      cells,
      floor,
      memory: { workers, idle, loggedIn, afterLoad: rssBytes(pid) },
      pinned,
    };
  } finally {
    http?.close();
    await closeDirect(context, clients);
    await gateway.stop();
    await Deno.remove(gateway.dataDir, { recursive: true }).catch(() => {});
  }
}

/** `getWebhookInfo` at each concurrency through `http`, calls spread over `bots`, one round each. */
async function measureFloor(
  { http, bots, pids, roundMs, workers }: {
    http: HttpLoadClient;
    bots: Bot[];
    pids: { emulator: number; gateway: number };
    roundMs: number;
    workers: number;
  },
): Promise<FloorRow[]> {
  const rows: FloorRow[] = [];
  for (const concurrency of CONCURRENCY) {
    const side = emptySide();
    await measureInto(
      side,
      pids,
      { concurrency, roundMs },
      (slot) =>
        http.post(
          slot,
          botPath(bots[slot % bots.length], "getWebhookInfo"),
          [],
        ),
    );
    rows.push({ workers, concurrency, side });
  }
  return rows;
}

/**
 * The same load against `_bare_http.ts`: HTTP and the client's own cost with no
 * gateway behind them, the ceiling of any HTTP front on this machine.
 */
async function benchBareHttp(
  { dc, roundMs }: { dc: Dc; roundMs: number },
): Promise<FloorRow[]> {
  const child = spawnDeno(
    new URL("./_bare_http.ts", import.meta.url).pathname,
    [],
  );
  let http: HttpLoadClient | undefined;
  try {
    const [, url] = await child.waitFor(
      /listening on (http:\/\/[\d.]+:\d+)\//,
      30_000,
    );
    http = await HttpLoadClient.open(url, Math.max(...CONCURRENCY));
    const bot: Bot = { id: 1, token: "1:bare" };
    const pids = { emulator: dc.child.process.pid, gateway: child.process.pid };
    return await measureFloor({
      http,
      bots: [bot],
      pids,
      roundMs,
      workers: 0,
    });
  } finally {
    http?.close();
    await child.stop();
  }
}

/** Measures gateway calls against direct clients; returns the report section. */
export async function benchGatewayCalls(
  options: GatewayCallsOptions = {},
): Promise<Section & { summary: string[] }> {
  const { rounds = 3, roundMs = 1500, gatewayArgs = [] } = options;
  const dc = await startDc();
  const cells: Cell[] = [];
  const memory: MemoryRow[] = [];
  const floor: FloorRow[] = [];
  const pins: string[] = [];
  let emulatorRss = NaN;
  try {
    const userId = await createUser(dc);
    for (const workers of WORKERS) {
      const result = await benchWorkers({
        dc,
        userId,
        workers,
        rounds,
        roundMs,
        gatewayArgs,
      });
      cells.push(...result.cells);
      floor.push(...result.floor);
      memory.push(result.memory);
      pins.push(
        `--workers ${workers}: bots on worker ${
          result.pinned.length ? result.pinned.join(" and ") : "(not reported)"
        }`,
      );
    }
    emulatorRss = rssBytes(dc.child.process.pid);
    floor.push(...await benchBareHttp({ dc, roundMs }));
  } finally {
    await dc.stop();
  }

  return {
    title: "Calls: gateway vs direct mtcute client (issue 3)",
    ...renderGatewayCalls({
      cells,
      floor,
      memory,
      emulatorRss,
      pins,
      rounds,
      roundMs,
    }),
  };
}
