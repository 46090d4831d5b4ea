/**
 * A process running one in-process setup of the stats overhead benchmark:
 * `deno run -A _stats_overhead_child.ts <setup>` reads one JSON load
 * (`{"seconds", "concurrency"}`) per stdin line and answers each with one
 * JSON round (`{"rps", "cpuUs"}`) on stdout. A process per setup keeps the
 * setups from sharing a heap, a garbage collector or JIT feedback.
 */
import { FRONT_SETUPS, frontRunner } from "./_stats_overhead_front.ts";
import type { FrontSetup } from "./_stats_overhead_front.ts";

if (import.meta.main) {
  const setup = Deno.args[0] as FrontSetup;
  if (!(setup in FRONT_SETUPS)) {
    throw new Error(
      `Unknown setup ${JSON.stringify(setup)}: expected one of ${
        Object.keys(FRONT_SETUPS).join(", ")
      }`,
    );
  }
  const run = frontRunner(setup);
  let buffered = "";
  for await (
    const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())
  ) {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const load = JSON.parse(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      console.log(JSON.stringify(await run(load)));
    }
  }
}
