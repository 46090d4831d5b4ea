/** Bounded waits for requests to Telegram, which mtcute would otherwise retry forever when offline. */
import { deadline } from "../timers.ts";
import { CommandError } from "./errors.ts";

/**
 * Runs `run` with a signal that aborts after `timeoutMs`; rejects with a
 * CommandError saying that Telegram did not answer if it takes longer.
 */
export async function withDeadline<T>(
  run: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  const controller = new AbortController();
  return await deadline(run(controller.signal), timeoutMs, {
    error: () => {
      controller.abort();
      return new CommandError(
        `Telegram did not answer within ${
          timeoutMs / 1000
        } seconds; check the network (and --dc).`,
      );
    },
  });
}
