/** What the client's end-to-end tests share: the harness' world with a Client of its bot, and waiting helpers. */
import { withWorld } from "../e2e/harness.ts";
import type { Dc, World } from "../e2e/harness.ts";
import { Client } from "../../client/mod.ts";

/** Test options: the gateway and emulator processes outlive a test's own ops. */
export const options = { sanitizeOps: false, sanitizeResources: false };

/** The harness' world (bot `@e2e_bot`, user `@alice`) with a Client of the bot. */
export function withClient(
  fn: (world: World & { client: Client }) => Promise<void>,
): Promise<void> {
  return withWorld((world) =>
    fn({
      ...world,
      client: new Client(`${world.gateway.url}/bot${world.bot.token}`, {
        timeoutMs: 30_000,
      }),
    })
  );
}

/** Resolves with what `fn` gives when it first returns something other than undefined; rejects after `timeoutMs`. */
export async function eventually<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Nothing happened within ${timeoutMs} ms`);
}

/** Sends `message` from the user to the bot, then waits until `received()` (at most `timeoutMs`). */
export async function sendAndWait(
  dc: Dc,
  message: { from: number; to: number; text: string },
  received: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  await dc.control("POST", "/messages", message);
  await eventually(async () => await received() || undefined, timeoutMs);
}

/** The messages of the chat with `peer` in `user`'s box, oldest first (the emulator's view). */
export function chatWith(dc: Dc, user: number, peer: number) {
  return dc.control<
    {
      id: number;
      from: number;
      text: string;
      media?: { type: string; fileName?: string; size: number };
    }[]
  >(
    "GET",
    `/messages?user=${user}&peer=${peer}`,
  );
}
