/** Validates the arguments of the update methods (`getUpdates`, `setWebhook`, `deleteWebhook`). */
import { InputError } from "../errors.ts";
import {
  DEFAULT_POLL_TIMEOUT_SECONDS,
  MAX_POLL_TIMEOUT_SECONDS,
} from "../gateway_methods.ts";
import { isUpdateKind, UPDATE_KINDS } from "./kinds.ts";

/** `getUpdates`' trailing object. */
export interface GetUpdatesParams {
  /** Seconds to wait for an update when none is queued (0 = answer at once, only when asked for by name). */
  timeout: number;
  /** Confirms every update with a smaller id, and returns those from it on. */
  offset?: number;
  /** At most this many updates (1–100). */
  limit: number;
  /** Only these kinds are queued from now on. */
  allowedUpdates?: string[];
  /** Deletes the queue before reading. */
  dropPendingUpdates: boolean;
}

/** `setWebhook`'s arguments. */
export interface SetWebhookParams {
  url: string;
  secretToken?: string;
  maxConnections: number;
  dropPendingUpdates: boolean;
  allowedUpdates?: string[];
}

function trailingObject(
  method: string,
  args: unknown[],
  maxPositional: number,
): [unknown[], Record<string, unknown>] {
  const last = args.at(-1);
  const hasOptions = typeof last === "object" && last !== null &&
    !Array.isArray(last);
  const positional = hasOptions ? args.slice(0, -1) : args;
  if (positional.length > maxPositional) {
    throw new InputError(
      `${method} takes ${
        maxPositional ? `${maxPositional} argument(s) and ` : ""
      }an optional trailing object; got ${args.length} arguments`,
    );
  }
  return [positional, hasOptions ? last as Record<string, unknown> : {}];
}

function checkKeys(
  method: string,
  options: Record<string, unknown>,
  allowed: readonly string[],
) {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new InputError(
        `${method} has no option ${JSON.stringify(key)}; expected one of ${
          allowed.join(", ")
        }`,
      );
    }
  }
}

function integerOption(
  method: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
  fallback?: number,
) {
  if (value === undefined) return fallback;
  if (
    typeof value !== "number" || !Number.isInteger(value) || value < min ||
    value > max
  ) {
    throw new InputError(
      `${method}: ${name} must be an integer from ${min} to ${max}`,
    );
  }
  return value;
}

function booleanOption(method: string, name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") {
    throw new InputError(`${method}: ${name} must be true or false`);
  }
  return value;
}

function kindsOption(method: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.some((kind) => typeof kind !== "string" || !isUpdateKind(kind))
  ) {
    throw new InputError(
      `${method}: allowedUpdates must be an array of update types (${
        UPDATE_KINDS.join(", ")
      })`,
    );
  }
  return value;
}

/**
 * Reads `getUpdates`' arguments; throws InputError naming what is wrong.
 * Besides the trailing object, MTKruto Server's form is accepted: a
 * positional timeout in seconds, where 0 means "wait". Without a timeout the
 * call waits up to `fallbackSeconds` (`--poll-timeout`) for an update.
 */
export function parseGetUpdatesArgs(
  args: unknown[],
  fallbackSeconds = DEFAULT_POLL_TIMEOUT_SECONDS,
): GetUpdatesParams {
  const [[positional], options] = trailingObject("getUpdates", args, 1);
  if (positional !== undefined && options.timeout !== undefined) {
    throw new InputError(
      "getUpdates: give the timeout once, as the first argument or as the trailing object's timeout",
    );
  }
  const positionalTimeout = integerOption(
    "getUpdates",
    "timeout",
    positional,
    0,
    MAX_POLL_TIMEOUT_SECONDS,
  );
  checkKeys("getUpdates", options, [
    "timeout",
    "offset",
    "limit",
    "allowedUpdates",
    "dropPendingUpdates",
  ]);
  return {
    timeout: positionalTimeout !== undefined
      ? positionalTimeout || fallbackSeconds
      : integerOption(
        "getUpdates",
        "timeout",
        options.timeout,
        0,
        MAX_POLL_TIMEOUT_SECONDS,
        fallbackSeconds,
      )!,
    offset: integerOption(
      "getUpdates",
      "offset",
      options.offset,
      0,
      Number.MAX_SAFE_INTEGER,
    ),
    limit: integerOption("getUpdates", "limit", options.limit, 1, 100, 100)!,
    allowedUpdates: kindsOption("getUpdates", options.allowedUpdates),
    dropPendingUpdates: booleanOption(
      "getUpdates",
      "dropPendingUpdates",
      options.dropPendingUpdates,
    ),
  };
}

/** Reads `setWebhook`'s arguments; throws InputError for a URL that is not http(s) and for bad options. */
export function parseSetWebhookArgs(args: unknown[]): SetWebhookParams {
  const [[url], options] = trailingObject("setWebhook", args, 1);
  checkKeys("setWebhook", options, [
    "secretToken",
    "maxConnections",
    "dropPendingUpdates",
    "allowedUpdates",
  ]);
  let parsed: URL | undefined;
  try {
    parsed = typeof url === "string" ? new URL(url) : undefined;
  } catch { /* reported below */ }
  if (
    !parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")
  ) {
    throw new InputError(
      "setWebhook: the first argument must be an http:// or https:// URL",
    );
  }
  const secretToken = options.secretToken;
  if (
    secretToken !== undefined &&
    (typeof secretToken !== "string" ||
      !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken))
  ) {
    throw new InputError(
      "setWebhook: secretToken must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -",
    );
  }
  return {
    url: parsed.href,
    secretToken: secretToken as string | undefined,
    maxConnections: integerOption(
      "setWebhook",
      "maxConnections",
      options.maxConnections,
      1,
      100,
      40,
    )!,
    dropPendingUpdates: booleanOption(
      "setWebhook",
      "dropPendingUpdates",
      options.dropPendingUpdates,
    ),
    allowedUpdates: kindsOption("setWebhook", options.allowedUpdates),
  };
}

/** Reads `deleteWebhook`'s arguments. */
export function parseDeleteWebhookArgs(
  args: unknown[],
): { dropPendingUpdates: boolean } {
  const [, options] = trailingObject("deleteWebhook", args, 0);
  checkKeys("deleteWebhook", options, ["dropPendingUpdates"]);
  return {
    dropPendingUpdates: booleanOption(
      "deleteWebhook",
      "dropPendingUpdates",
      options.dropPendingUpdates,
    ),
  };
}
