import { assertEquals } from "../assert.ts";
import {
  DEFAULT_POLL_TIMEOUT_SECONDS,
  MAX_POLL_TIMEOUT_SECONDS,
  methodTraits,
  pollTimeoutSeconds,
} from "../../src/gateway_methods.ts";
import { parseGetUpdatesArgs } from "../../src/updates/params.ts";

Deno.test("methodTraits() marks the long poll and the ranged download, and nothing else", () => {
  assertEquals(methodTraits("getUpdates").cancelledOnDisconnect, true);
  assertEquals(typeof methodTraits("getUpdates").longPoll, "function");
  assertEquals(methodTraits("download"), {
    cancelledOnDisconnect: true,
    ranged: true,
  });
  for (
    const method of ["getMe", "sendText", "invoke", "toString", "__proto__"]
  ) {
    assertEquals([method, methodTraits(method)], [method, {}]);
  }
});

Deno.test("pollTimeoutSeconds() reads the trailing object's timeout, bounded; a named 0 answers at once", () => {
  assertEquals(pollTimeoutSeconds([{ timeout: 30 }]), 30);
  assertEquals(pollTimeoutSeconds([{ timeout: 30 }], 5), 30);
  assertEquals(pollTimeoutSeconds([{ timeout: 0 }]), 0);
  assertEquals(pollTimeoutSeconds([{ timeout: 0 }], 5), 0);
  assertEquals(pollTimeoutSeconds([{ timeout: -5 }]), 0);
  assertEquals(
    pollTimeoutSeconds([{ timeout: 1e9 }]),
    MAX_POLL_TIMEOUT_SECONDS,
  );
  // A bad value is the worker's to refuse: here it only must not make the wait unbounded.
  assertEquals(pollTimeoutSeconds([{ timeout: "30" }]), 0);
});

Deno.test("pollTimeoutSeconds() without a timeout waits the fallback, DEFAULT_POLL_TIMEOUT_SECONDS by default", () => {
  assertEquals(DEFAULT_POLL_TIMEOUT_SECONDS, 60);
  assertEquals(pollTimeoutSeconds([]), DEFAULT_POLL_TIMEOUT_SECONDS);
  assertEquals(pollTimeoutSeconds([{}]), DEFAULT_POLL_TIMEOUT_SECONDS);
  assertEquals(pollTimeoutSeconds([], 5), 5);
  assertEquals(pollTimeoutSeconds([{ offset: 3 }], 5), 5);
  assertEquals(pollTimeoutSeconds([], 1e9), MAX_POLL_TIMEOUT_SECONDS);
});

Deno.test("pollTimeoutSeconds() reads a positional timeout, where 0 gets the fallback", () => {
  assertEquals(pollTimeoutSeconds([30]), 30);
  assertEquals(pollTimeoutSeconds([30, { offset: 3 }], 5), 30);
  assertEquals(pollTimeoutSeconds([0]), DEFAULT_POLL_TIMEOUT_SECONDS);
  assertEquals(pollTimeoutSeconds([0, { limit: 1 }], 5), 5);
  assertEquals(pollTimeoutSeconds([-5]), 0);
  assertEquals(pollTimeoutSeconds([1e9]), MAX_POLL_TIMEOUT_SECONDS);
});

Deno.test("pollTimeoutSeconds() agrees with the worker's parseGetUpdatesArgs() on every valid form", () => {
  const forms: unknown[][] = [
    [],
    [{}],
    [{ timeout: 0 }],
    [{ timeout: 45, offset: 2 }],
    [0],
    [12],
    [0, { limit: 3 }],
    [600, { allowedUpdates: ["message"] }],
  ];
  for (const fallback of [1, 60]) {
    for (const args of forms) {
      assertEquals(
        [args, fallback, pollTimeoutSeconds(args, fallback)],
        [args, fallback, parseGetUpdatesArgs(args, fallback).timeout],
      );
    }
  }
});
