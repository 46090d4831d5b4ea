/** Faults on demand (errors, latency, dropped connections) and the per-account call log. */
import rawErrors from "@mtcute/core/tl/raw-errors.json" with { type: "json" };
import type { RpcCall } from "../contract.ts";
import { CallDropped, RpcFailure } from "../contract.ts";

/** One fault rule, as posted to `POST /faults`. */
export interface FaultRule {
  /** The API method it applies to, e.g. `messages.sendMessage`; `*` matches every method. */
  method: string;
  /** Only calls from sessions logged in as this account. */
  account?: number;
  /** Answer with this RPC error text, e.g. `FLOOD_WAIT_3`; the code is derived unless `code` is given. */
  error?: string;
  code?: number;
  /** Wait this long before answering (or failing, or dropping). */
  delayMs?: number;
  /** Close the connection instead of answering; the call is not executed. */
  drop?: boolean;
  /** How many calls it fires for; unlimited when absent. */
  times?: number;
}

const KNOWN_CODES: Record<string, number> = Object.fromEntries(
  Object.values(rawErrors.errors).map(({ name, code }) => [name, code]),
);

const CODE_PATTERNS: [RegExp, number][] = [
  [
    /^(FLOOD_WAIT|FLOOD_PREMIUM_WAIT|SLOWMODE_WAIT|TAKEOUT_INIT_DELAY)_\d+$/,
    420,
  ],
  [/^(PHONE|FILE|NETWORK|USER|STATS)_MIGRATE_\d+$/, 303],
  [/^(AUTH_KEY_|SESSION_)/, 401],
  [/INTERNAL|^RPC_CALL_FAIL|^RPC_MCGET_FAIL|TIMEOUT$/, 500],
];

/** The RPC error code Telegram uses for an error text (400 when unknown). */
export function errorCode(text: string): number {
  const known = KNOWN_CODES[text] ?? KNOWN_CODES[text.replace(/_\d+$/, "_%d")];
  if (known) return known;
  return CODE_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? 400;
}

/** Checks and normalizes a rule from untrusted input. */
export function parseFaultRule(input: unknown): FaultRule {
  if (typeof input !== "object" || input === null) {
    throw new TypeError("a fault rule must be an object");
  }
  const { method, account, error, code, delayMs, drop, times } =
    input as Record<string, unknown>;
  if (typeof method !== "string" || method === "") {
    throw new TypeError("method must be a non-empty string");
  }
  const optional = <T>(
    value: unknown,
    isType: (value: unknown) => value is T,
    description: string,
  ): T | undefined => {
    if (value === undefined) return undefined;
    if (!isType(value)) throw new TypeError(description);
    return value;
  };
  const isNumber = (value: unknown): value is number =>
    typeof value === "number";
  const isString = (value: unknown): value is string =>
    typeof value === "string";
  const isBoolean = (value: unknown): value is boolean =>
    typeof value === "boolean";
  const rule: FaultRule = {
    method,
    account: optional(account, isNumber, "account must be a number"),
    error: optional(error, isString, "error must be a string"),
    code: optional(code, isNumber, "code must be a number"),
    delayMs: optional(delayMs, isNumber, "delayMs must be a number"),
    drop: optional(drop, isBoolean, "drop must be a boolean"),
    times: optional(times, isNumber, "times must be a number"),
  };
  if (!rule.error && !rule.delayMs && !rule.drop) {
    throw new TypeError("a fault rule needs error, delayMs or drop");
  }
  if (
    rule.times !== undefined &&
    (!Number.isInteger(rule.times) || rule.times < 1)
  ) {
    throw new TypeError("times must be a positive integer");
  }
  return rule;
}

/** The active fault rules. */
export class Faults {
  #rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.#rules.push({ ...rule });
  }

  clear(): void {
    this.#rules = [];
  }

  list(): FaultRule[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  /** Applies the first matching rule to `call` (delay, then drop or error); returns normally if the call should proceed. */
  async apply(call: RpcCall): Promise<void> {
    const accountId = call.session.accountId;
    const rule = this.#rules.find((candidate) =>
      (candidate.method === "*" || candidate.method === call.method) &&
      (candidate.account === undefined || candidate.account === accountId)
    );
    if (!rule) return;
    if (rule.times !== undefined && --rule.times === 0) {
      this.#rules.splice(this.#rules.indexOf(rule), 1);
    }
    if (rule.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
    }
    if (rule.drop) {
      call.session.disconnect();
      throw new CallDropped();
    }
    if (rule.error) {
      throw new RpcFailure(rule.code ?? errorCode(rule.error), rule.error);
    }
  }
}

/** The API methods each account's sessions called, in order. */
export class CallLog {
  readonly #calls = new Map<number, string[]>();

  record(accountId: number, method: string): void {
    const calls = this.#calls.get(accountId) ?? [];
    calls.push(method);
    this.#calls.set(accountId, calls);
  }

  of(accountId: number): string[] {
    return [...(this.#calls.get(accountId) ?? [])];
  }
}
