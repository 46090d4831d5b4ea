/**
 * Questions a user's call puts to a bot (callback and inline queries): the
 * call waits until the bot answers by query id, or fails with Telegram's
 * `BOT_RESPONSE_TIMEOUT`. A query id is good for one answer, by its bot only.
 */
import type { Long } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { randomLong } from "./files.ts";

/**
 * How long a user's call waits for the bot: a little under mtcute's own 10 s
 * timeout for `messages.getBotCallbackAnswer`, so clients hear Telegram's
 * `BOT_RESPONSE_TIMEOUT` rather than give up first.
 */
export const BOT_ANSWER_TIMEOUT_MS = 8_000;

interface Pending<A> {
  botId: number;
  settle(answer: A): void;
}

/** Queries waiting for their bot's answer of type `A`. */
export class PendingQueries<A> {
  /** Tests shorten this to see timeouts quickly. */
  timeoutMs = BOT_ANSWER_TIMEOUT_MS;
  readonly #pending = new Map<string, Pending<A>>();

  /** A new query to `botId`: its id, and the answer (rejected with `BOT_RESPONSE_TIMEOUT` after `timeoutMs`). */
  ask(botId: number): { queryId: Long; answer: Promise<A> } {
    const queryId = randomLong();
    const key = queryId.toString();
    const { promise, resolve, reject } = Promise.withResolvers<A>();
    const timer = setTimeout(() => {
      this.#pending.delete(key);
      reject(new RpcFailure(400, "BOT_RESPONSE_TIMEOUT"));
    }, this.timeoutMs);
    this.#pending.set(key, {
      botId,
      settle: (answer) => {
        clearTimeout(timer);
        this.#pending.delete(key);
        resolve(answer);
      },
    });
    return { queryId, answer: promise };
  }

  /** Whether `queryId` waits for an answer from `botId`. */
  isPending(botId: number, queryId: Long): boolean {
    return this.#pending.get(queryId.toString())?.botId === botId;
  }

  /** `botId`'s answer to `queryId`; `QUERY_ID_INVALID` for an unknown, answered, expired or other bot's query. */
  answer(botId: number, queryId: Long, answer: A): void {
    const pending = this.#pending.get(queryId.toString());
    if (pending?.botId !== botId) {
      throw new RpcFailure(400, "QUERY_ID_INVALID");
    }
    pending.settle(answer);
  }
}
