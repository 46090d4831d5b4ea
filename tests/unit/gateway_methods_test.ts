import { assertEquals } from "../assert.ts";
import {
  MAX_POLL_TIMEOUT_SECONDS,
  methodTraits,
  pollTimeoutSeconds,
} from "../../src/gateway_methods.ts";

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

Deno.test("pollTimeoutSeconds() reads the trailing object's timeout, bounded, 0 otherwise", () => {
  assertEquals(pollTimeoutSeconds([]), 0);
  assertEquals(pollTimeoutSeconds([{ timeout: 30 }]), 30);
  assertEquals(pollTimeoutSeconds([{ offset: 3 }]), 0);
  assertEquals(pollTimeoutSeconds([{ timeout: -5 }]), 0);
  assertEquals(
    pollTimeoutSeconds([{ timeout: 1e9 }]),
    MAX_POLL_TIMEOUT_SECONDS,
  );
  assertEquals(pollTimeoutSeconds([{ timeout: "30" }]), 0);
  assertEquals(pollTimeoutSeconds([null]), 0);
});
