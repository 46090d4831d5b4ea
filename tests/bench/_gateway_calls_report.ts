/** The gateway benchmark's results and how they are reported: tables, CPU shares and the targets. */
import { mib, ms, num, pct, ratio, summarize, table } from "./_stats.ts";

/** One side of one cell, summed over its rounds. */
export interface SideResult {
  ops: number;
  seconds: number;
  latencies: number[];
  errors: number;
  firstError?: string;
  /** CPU seconds used meanwhile, per process. */
  cpu: { emulator: number; gateway: number; bench: number };
}

/** One measured cell: a method at a concurrency with a worker count. */
export interface Cell {
  workers: number;
  method: string;
  concurrency: number;
  direct: SideResult;
  gateway: SideResult;
  /** The same gateway calls through `fetch` (with `--workers 1` only). */
  gatewayFetch?: SideResult;
}

/** The gateway's overhead alone, for one worker count and concurrency. */
export interface FloorRow {
  /** 0 for the bare HTTP server. */
  workers: number;
  concurrency: number;
  side: SideResult;
}

/** The gateway process's resident memory at three moments of one `--workers` run. */
export interface MemoryRow {
  workers: number;
  idle: number;
  loggedIn: number;
  afterLoad: number;
}

/** Calls per second. */
function rate(side: SideResult): number {
  return side.ops / side.seconds;
}

/** CPU milliseconds per call. */
function cpuPerCall(seconds: number, side: SideResult): string {
  return side.ops ? ms(seconds * 1000 / side.ops) : "–";
}

/** The markdown tables and the target lines of a gateway benchmark run. */
export function renderGatewayCalls(
  { cells, floor, memory, emulatorRss, pins, rounds, roundMs }: {
    cells: Cell[];
    floor: FloorRow[];
    memory: MemoryRow[];
    emulatorRss: number;
    pins: string[];
    rounds: number;
    roundMs: number;
  },
): { markdown: string; summary: string[] } {
  const rows = cells.map((cell) => {
    const d = summarize(cell.direct.latencies);
    const g = summarize(cell.gateway.latencies);
    return [
      `${cell.method}, --workers ${cell.workers}`,
      cell.concurrency,
      num(rate(cell.direct)),
      num(rate(cell.gateway)),
      ratio(rate(cell.gateway) / rate(cell.direct)),
      `${ms(d.p50)} / ${ms(d.p99)}`,
      `${ms(g.p50)} / ${ms(g.p99)}`,
      ms(g.p50 - d.p50),
    ];
  });
  const cpuRows = cells.map((cell) => [
    `${cell.method}, --workers ${cell.workers}`,
    cell.concurrency,
    pct(cell.direct.cpu.emulator / cell.direct.seconds),
    pct(cell.direct.cpu.bench / cell.direct.seconds),
    cpuPerCall(cell.direct.cpu.bench, cell.direct),
    pct(cell.gateway.cpu.emulator / cell.gateway.seconds),
    pct(cell.gateway.cpu.gateway / cell.gateway.seconds),
    pct(cell.gateway.cpu.bench / cell.gateway.seconds),
    cpuPerCall(cell.gateway.cpu.gateway, cell.gateway),
  ]);
  const errors = cells.flatMap((cell) =>
    (["direct", "gateway", "gatewayFetch"] as const).flatMap((name) => {
      const side = cell[name];
      return side?.errors
        ? [
          `${cell.method} --workers ${cell.workers} c${cell.concurrency} ${name}: ${side.errors} failed (${side.firstError})`,
        ]
        : [];
    })
  );

  // The targets: ≥ 0.7× at 32 in flight, ≤ 1 ms added p50 (judged with 1 in flight, where it is not queueing).
  const summary: string[] = [];
  for (const cell of cells) {
    const label = `${cell.method}, --workers ${cell.workers}`;
    const { gatewayFetch } = cell;
    if (cell.concurrency === 32) {
      const r = rate(cell.gateway) / rate(cell.direct);
      const withFetch = gatewayFetch
        ? `; with fetch ${ratio(rate(gatewayFetch) / rate(cell.direct))}`
        : "";
      summary.push(
        `${label}: throughput at 32 in flight ${
          ratio(r)
        } of direct (target ≥ 0.70×): ${
          r >= 0.7 ? "met" : "NOT met"
        }${withFetch}`,
      );
    } else {
      const direct = summarize(cell.direct.latencies).p50;
      const added = summarize(cell.gateway.latencies).p50 - direct;
      const withFetch = gatewayFetch
        ? `; with fetch ${
          ms(summarize(gatewayFetch.latencies).p50 - direct)
        } ms`
        : "";
      summary.push(
        `${label}: added p50 with 1 in flight ${
          ms(added)
        } ms (target ≤ 1 ms): ${added <= 1 ? "met" : "NOT met"}${withFetch}`,
      );
    }
  }

  const fetchRows = cells.flatMap((cell) => {
    if (!cell.gatewayFetch) return [];
    const d = summarize(cell.direct.latencies);
    const f = summarize(cell.gatewayFetch.latencies);
    return [[
      `${cell.method}, --workers ${cell.workers}`,
      cell.concurrency,
      num(rate(cell.gatewayFetch)),
      ratio(rate(cell.gatewayFetch) / rate(cell.direct)),
      `${ms(f.p50)} / ${ms(f.p99)}`,
      ms(f.p50 - d.p50),
      cpuPerCall(cell.gatewayFetch.cpu.gateway, cell.gatewayFetch),
      cpuPerCall(cell.gatewayFetch.cpu.bench, cell.gatewayFetch),
      cpuPerCall(cell.gateway.cpu.bench, cell.gateway),
    ]];
  });

  const markdown = [
    `${rounds} alternating rounds of ${roundMs} ms per side and cell; latencies in ms. ` +
    "Gateway: `POST /bot<token>/<method>` (`getMe` and `sendMessage`, MTKruto's, and `mtcute.sendText`) with a JSON body, " +
    "one keep-alive connection per call in " +
    "flight, from a lean HTTP/1.1 client (`tests/bench/_http_load.ts`, which writes each request in one " +
    "piece and checks for a 200, as wrk would) so that the load generator takes little of the two cores the " +
    "gateway shares with it; `fetch` rows follow for reference. Direct: `client.getMe()` / " +
    "`client.sendText(user, text)` (for both sendText and sendMessage) on mtcute clients in the bench process (their results stay " +
    "objects: no JSON). With `--workers 2`, two bots pinned to different workers take alternate " +
    "calls, against two direct clients.",
    "",
    table([
      "Call",
      "In flight",
      "Direct req/s",
      "Gateway req/s",
      "Gateway/direct",
      "Direct p50 / p99",
      "Gateway p50 / p99",
      "Added p50",
    ], rows),
    "",
    "CPU while measuring (100% = one core busy; the machine has the cores listed above). " +
    "The bench process runs the direct clients, or the HTTP client for the gateway runs.",
    "",
    table([
      "Call",
      "In flight",
      "Direct: emulator",
      "Direct: bench",
      "Direct: bench CPU ms/call",
      "Gateway: emulator",
      "Gateway: gateway",
      "Gateway: bench",
      "Gateway: gateway CPU ms/call",
    ], cpuRows),
    "",
    "The same gateway calls with Deno's `fetch` as the HTTP client (`--workers 1`, measured in the " +
    "same alternating rounds): what a Deno program calling the gateway sees, with the client's own " +
    "CPU per call beside the lean client's.",
    "",
    table([
      "Call",
      "In flight",
      "fetch req/s",
      "fetch/direct",
      "fetch p50 / p99",
      "Added p50",
      "Gateway CPU ms/call",
      "fetch CPU ms/call",
      "Lean client CPU ms/call",
    ], fetchRows),
    "",
    "The gateway alone: `getWebhookInfo`, which the worker answers from memory (HTTP, the front, " +
    "the worker round trip and JSON, no Telegram call), one round per row. The last rows " +
    "(`bare HTTP`) send the same requests to a bare `Deno.serve` that parses the body and " +
    "answers a constant (`tests/bench/_bare_http.ts`): HTTP alone, the ceiling of any HTTP front here.",
    "",
    table(
      [
        "--workers",
        "In flight",
        "req/s",
        "p50 / p99",
        "Gateway CPU",
        "Bench CPU",
        "Gateway CPU ms/call",
      ],
      floor.map(({ workers, concurrency, side }) => {
        const s = summarize(side.latencies);
        return [
          workers || "bare HTTP",
          concurrency,
          num(rate(side)),
          `${ms(s.p50)} / ${ms(s.p99)}`,
          pct(side.cpu.gateway / side.seconds),
          pct(side.cpu.bench / side.seconds),
          cpuPerCall(side.cpu.gateway, side),
        ];
      }),
    ),
    "",
    "Gateway process memory (VmRSS):",
    "",
    table(
      ["--workers", "Idle", "Bots logged in", "After the load"],
      memory.map((m) => [
        m.workers,
        mib(m.idle),
        mib(m.loggedIn),
        mib(m.afterLoad),
      ]),
    ),
    "",
    `Emulator VmRSS after both: ${mib(emulatorRss)}. ${pins.join("; ")}.`,
    ...(errors.length ? ["", `Failed calls: ${errors.join("; ")}.`] : []),
  ].join("\n");
  return { markdown, summary };
}
