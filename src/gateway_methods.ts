/**
 * The methods the gateway implements itself, on every client, with the traits
 * that change how a call travels: the front (how long to wait, whether to
 * watch the connection, the Range header) and the pool (which calls are work
 * in progress) read them here, and the worker implements the methods by name.
 */

/** Methods the gateway implements itself, on every client. */
export const GATEWAY_METHODS = [
  "invoke",
  "getUpdates",
  "setWebhook",
  "deleteWebhook",
  "getWebhookInfo",
  "download",
  "methods",
] as const;

/** The name of a gateway method. */
export type GatewayMethodName = typeof GATEWAY_METHODS[number];

/** How a call differs from a plain request and answer. */
export interface MethodTraits {
  /**
   * Waits on purpose, for up to this many seconds (read from its arguments):
   * the wait comes on top of the request timeout, is not a latency figure,
   * and is not work in progress on its worker.
   */
  longPoll?: (args: unknown[], fallbackSeconds: number) => number;
  /**
   * Stopped when the HTTP client goes away: a long poll must not mark updates
   * as returned, and a download stops fetching. Other calls run to completion,
   * as mtcute cannot abort them, and watching the connection costs every request.
   */
  cancelledOnDisconnect?: boolean;
  /** Takes what to send, then options, which get the Range header's `offset` and `length`; answers with a stream. */
  ranged?: boolean;
}

/** The longest long poll, so a request always ends well within proxies' usual idle limits. */
export const MAX_POLL_TIMEOUT_SECONDS = 600;

/** How long a long poll without a timeout waits (`--poll-timeout`). */
export const DEFAULT_POLL_TIMEOUT_SECONDS = 60;

const TRAITS: Partial<Record<string, MethodTraits>> = {
  getUpdates: { longPoll: pollTimeoutSeconds, cancelledOnDisconnect: true },
  download: { cancelledOnDisconnect: true, ranged: true },
};

const PLAIN: MethodTraits = {};

/** The traits of `method`; none for methods that simply answer. */
export function methodTraits(method: string): MethodTraits {
  return Object.hasOwn(TRAITS, method) ? TRAITS[method]! : PLAIN;
}

/**
 * How long a long poll waits, in seconds: its `timeout` (the trailing
 * object's, or the seed's positional one, where 0 means "no limit" and
 * gets the fallback), else `fallbackSeconds`. Only the wait is read here:
 * the worker checks the arguments in full, so a bad value is refused there,
 * and here it only bounds how long to wait.
 */
export function pollTimeoutSeconds(
  args: unknown[],
  fallbackSeconds = DEFAULT_POLL_TIMEOUT_SECONDS,
): number {
  const [first] = args;
  const options = args.at(-1);
  const named = typeof options === "object" && options !== null
    ? (options as { timeout?: unknown }).timeout
    : undefined;
  const timeout = typeof first === "number"
    ? first === 0 ? fallbackSeconds : first
    : named ?? fallbackSeconds;
  return typeof timeout === "number" && Number.isFinite(timeout)
    ? Math.min(Math.max(timeout, 0), MAX_POLL_TIMEOUT_SECONDS)
    : 0;
}
