import { assertEquals } from "../assert.ts";
import { coresPer1000, kibPerClient, statTicks } from "../bench/_proc.ts";

Deno.test("statTicks adds utime and stime, even when the thread name holds spaces and parentheses", () => {
  // /proc/<pid>/task/<tid>/stat of a thread named "V8 (x) Worker": utime 120, stime 34.
  const line =
    "4242 (V8 (x) Worker) S 1 4242 4242 0 -1 4194368 100 0 0 0 120 34 0 0 20 0 9 0 500 1000 200";
  assertEquals(statTicks(line), 154);
});

Deno.test("kibPerClient and coresPer1000 spread the growth over the clients", () => {
  assertEquals(kibPerClient(100 * 1024, 600 * 1024, 2), 250);
  assertEquals(coresPer1000(0.05, 4000), 0.0125);
  assertEquals(kibPerClient(0, 1024, 0), NaN);
  assertEquals(coresPer1000(1, 0), NaN);
});
