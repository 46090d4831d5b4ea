/**
 * The descriptor budget: how a limit is shared out, the count across
 * threads, and what a hosted client counts (its seat, its connections) and
 * is refused (starting, moving a file) near the limit. Clients are real,
 * from the gateway's factory, logged in to an in-process DC emulator.
 */
import {
  assert,
  assertEquals,
  assertMatch,
  assertRejects,
  assertStrictEquals,
} from "../assert.ts";
import {
  countOpenDescriptors,
  DescriptorBudget,
  openFileLimit,
  planDescriptors,
} from "../../src/descriptors.ts";
import { UnavailableError } from "../../src/errors.ts";
import {
  limitOpenDatabases,
  MAX_OPEN_DATABASES,
} from "../../src/storage/session_database.ts";
import { ClientHost } from "../../src/telegram/client_host.ts";
import { dispatch } from "../../src/telegram/dispatch.ts";
import { pathExists } from "../../src/telegram/session_files.ts";
import { sessionPath } from "../../src/client_id.ts";
import type { Emulator } from "../dc/mod.ts";
import type { HostContext } from "../../src/telegram/client_factory.ts";
import { botRef, withEmulatorContext } from "./_emulator_context.ts";

Deno.test("planDescriptors() sets the databases and a margin aside, and stops new clients first", () => {
  const large = planDescriptors(20_000, 2);
  assertEquals(large.databasesPerThread, 256);
  assertEquals(large.reserved, 256 * 3 * 2 + 400);
  assertEquals(large.headroom, { client: 412, transfer: 200, connection: 0 });

  // A small limit: fewer databases per thread, and the least margins.
  const small = planDescriptors(120, 1);
  assertEquals(small.databasesPerThread, 6);
  assertEquals(small.reserved, 6 * 3 + 16);
  assertEquals(small.headroom, { client: 20, transfer: 4, connection: 0 });

  const unlimited = planDescriptors(Infinity, 4);
  assertEquals(unlimited.reserved, 0);
  assertEquals(unlimited.databasesPerThread, 256);
});

Deno.test("DescriptorBudget refuses each use past its ceiling, and counts only what it grants", () => {
  const budget = new DescriptorBudget(planDescriptors(120, 1));
  assertStrictEquals(budget.ceiling("client"), 120 - 34 - 20);
  assertStrictEquals(budget.ceiling("transfer"), 120 - 34 - 4);
  assertStrictEquals(budget.ceiling("connection"), 120 - 34);
  budget.acquire(budget.ceiling("client") - 1);
  assert(budget.tryAcquire("client"));
  assert(!budget.tryAcquire("client"), "a client past its ceiling");
  assertStrictEquals(budget.inUse, budget.ceiling("client"));
  // The room left above the clients' ceiling is for transfers and connections.
  assert(budget.hasRoom("transfer", 12));
  assert(!budget.hasRoom("transfer", 17));
  assert(budget.tryAcquire("connection", 20));
  assert(!budget.tryAcquire("connection"));
  budget.release(20);
  assert(budget.tryAcquire("connection"));

  const error = budget.exhausted("client");
  assert(error instanceof UnavailableError);
  assertStrictEquals(error.status, 503);
  assertMatch(
    error.message,
    /^Too many open files to start another client: 67 in use and 34 set aside .* of the 120 that `ulimit -n` allows/,
  );
});

Deno.test("DescriptorBudget without a limit refuses nothing but still counts", () => {
  const budget = new DescriptorBudget(planDescriptors(Infinity, 1));
  assert(budget.tryAcquire("client", 1_000_000));
  assertStrictEquals(budget.inUse, 1_000_000);
  budget.release(1_000_000);
  assertStrictEquals(budget.inUse, 0);
});

Deno.test("a worker's DescriptorBudget over the same buffer shares the count", async () => {
  const budget = new DescriptorBudget(planDescriptors(1_000, 2));
  const module = new URL("../../src/descriptors.ts", import.meta.url).href;
  const source = `import { DescriptorBudget } from ${JSON.stringify(module)};
self.onmessage = ({ data }) => {
  const budget = new DescriptorBudget(data.plan, data.buffer);
  let granted = 0;
  while (budget.tryAcquire("client")) granted++;
  self.postMessage(granted);
};`;
  const url = URL.createObjectURL(
    new Blob([source], { type: "text/javascript" }),
  );
  const worker = new Worker(url, { type: "module" });
  try {
    budget.acquire(100);
    const granted = new Promise<number>((resolve) =>
      worker.onmessage = ({ data }) => resolve(data)
    );
    worker.postMessage({ plan: budget.plan, buffer: budget.buffer });
    assertStrictEquals(await granted, budget.ceiling("client") - 100);
    assertStrictEquals(budget.inUse, budget.ceiling("client"));
    assert(!budget.tryAcquire("client"));
  } finally {
    worker.terminate();
    URL.revokeObjectURL(url);
  }
});

Deno.test("openFileLimit() and countOpenDescriptors() read the process's limit and descriptors (Linux)", () => {
  const limit = openFileLimit();
  assert(limit !== undefined && limit > 0, `open-file limit ${limit}`);
  const before = countOpenDescriptors()!;
  const file = Deno.openSync(new URL(import.meta.url));
  try {
    assertStrictEquals(countOpenDescriptors(), before + 1);
  } finally {
    file.close();
  }
  assertStrictEquals(countOpenDescriptors(), before);
});

/** A budget with no reserve, so that ceilings are plain numbers: every use stops at `limit`. */
function tightBudget(limit: number): DescriptorBudget {
  return new DescriptorBudget({
    limit,
    databasesPerThread: 8,
    reserved: 0,
    headroom: { client: 0, transfer: 0, connection: 0 },
  });
}

interface BudgetWorld {
  emulator: Emulator;
  dataDir: string;
  context: HostContext;
  /** Opens a new bot's client, the session created on first use. */
  openBot(username: string): Promise<ClientHost>;
  /** The hosts `openBot` opened and the test has not closed. */
  hosts: ClientHost[];
}

/** Runs `fn` with an emulator and a host context counting against `budget`; open hosts are closed after. */
function budgetTest(
  name: string,
  budget: DescriptorBudget,
  fn: (world: BudgetWorld) => Promise<void>,
) {
  Deno.test({
    name,
    // mtcute keeps timers and sockets of its own past `destroy()`.
    sanitizeOps: false,
    sanitizeResources: false,
    fn() {
      const hosts: ClientHost[] = [];
      return withEmulatorContext(
        "fds",
        { descriptors: { plan: budget.plan, buffer: budget.buffer } },
        ({ emulator, dataDir, context }) =>
          fn({
            emulator,
            dataDir,
            context,
            hosts,
            async openBot(username) {
              const bot = emulator.control.createBot({ username });
              const host = await ClientHost.open(botRef(bot.token), context);
              hosts.push(host);
              return host;
            },
          }),
        async () => {
          for (const host of hosts) await host.close(new Error("test over"));
          limitOpenDatabases(MAX_OPEN_DATABASES);
        },
      );
    },
  });
}

const seats = tightBudget(1_000);
budgetTest(
  "a hosted client holds one seat for its connection; past the ceiling a new one is refused before it touches disk or network",
  seats,
  async ({ emulator, dataDir, context, hosts, openBot }) => {
    const first = await openBot("seat_one_bot");
    await dispatch(first, "getMe", [], {
      signal: new AbortController().signal,
    });
    // The seat covers the main connection: nothing else is counted.
    assertStrictEquals(seats.inUse, 1);

    seats.acquire(998);
    await openBot("seat_two_bot");
    assertStrictEquals(seats.inUse, 1_000);
    const third = emulator.control.createBot({ username: "seat_three_bot" });
    const refused = await assertRejects(
      ClientHost.open(botRef(third.token), context),
      UnavailableError,
    );
    assertMatch(refused.message, /to start another client/);
    assertStrictEquals(seats.inUse, 1_000);
    assert(
      !await pathExists(sessionPath(dataDir, botRef(third.token).id)),
      "the refused client left a session file",
    );
    assertEquals(emulator.control.calls(third.id), []);

    await hosts.pop()!.close(new Error("test over"));
    assertStrictEquals(seats.inUse, 999);
    seats.release(998);
    await hosts.pop()!.close(new Error("test over"));
    assertStrictEquals(seats.inUse, 0);
  },
);

const transfers = tightBudget(100);
budgetTest(
  "a file transfer is refused near the limit, and the pools' connections are counted once it may run",
  transfers,
  async ({ hosts, openBot }) => {
    const host = await openBot("transfer_fds_bot");
    // 300 kB goes through mtcute's upload pool (128 KiB and more), which may open 12 sockets.
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    transfers.acquire(100 - 1 - 11);
    const refused = await assertRejects(
      host.client.uploadFile({ file: bytes, fileName: "a.bin" }),
      UnavailableError,
    );
    assertMatch(refused.message, /to start a file transfer/);
    assertStrictEquals(transfers.inUse, 100 - 11);
    transfers.release(1);
    const before = transfers.inUse;
    const uploaded = await host.client.uploadFile({
      file: bytes,
      fileName: "a.bin",
    });
    assertStrictEquals(uploaded.size, bytes.length);
    // The upload pool's sockets (4 on DC 2) are open and counted.
    assert(
      transfers.inUse > before,
      `counted ${transfers.inUse} after the upload, ${before} before`,
    );
    await hosts.pop()!.close(new Error("test over"));
    assertStrictEquals(transfers.inUse, 100 - 1 - 12);
  },
);
