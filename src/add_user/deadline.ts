/** Bounded waits for requests to Telegram, which mtcute would otherwise retry forever when offline. */
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new CommandError(
          `Telegram did not answer within ${
            timeoutMs / 1000
          } seconds; check the network (and --dc).`,
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
