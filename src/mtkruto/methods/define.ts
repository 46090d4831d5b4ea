/**
 * How a method of MTKruto's dialect is described: its positional parameters
 * (each with the type users see and the reader that checks and converts it),
 * the accounts it serves and the handler. The table of these is the one
 * source the worker, `GET …/methods` and docs/methods.md read.
 */
import type { TelegramClient } from "@mtcute/core/client.js";
import { InputError } from "../../errors.ts";
import { isAttachedFile } from "../params/file_source.ts";

/** Which accounts may call a method. */
export type AccountKind = "bot" | "user" | "both";

/** What a handler gets besides its arguments. */
export interface DialectCall {
  client: TelegramClient;
  isBot: boolean;
  method: string;
  signal: AbortSignal;
}

/** One positional parameter. */
export interface Param<T = unknown> {
  name: string;
  /** The type as MTKruto's documentation writes it (`ID`, `string`, `SendMessageParams` …). */
  type: string;
  optional?: boolean;
  /** What an omitted optional parameter becomes (undefined without one). */
  fallback?: () => T;
  /** Checks and converts the JSON value; throws InputError naming `path`. */
  read(value: unknown, path: string): T;
  /** Finishes a read value with the network (a phone number becomes its peer), before the handler runs. */
  resolve?(value: T, call: DialectCall): Promise<T>;
}

/** One method of the dialect. */
export interface DialectMethod {
  name: string;
  account: AccountKind;
  params: readonly Param[];
  /** The result type as MTKruto's documentation writes it. */
  returns: string;
  /** Receives the arguments after each parameter's reader ran (`undefined` for an omitted optional one). */
  call(call: DialectCall, args: unknown[]): Promise<unknown>;
}

type Values<P extends readonly Param[]> = {
  [K in keyof P]: P[K] extends Param<infer T>
    ? P[K]["optional"] extends true
      ? P[K] extends { fallback: () => unknown } ? T : T | undefined
    : T
    : never;
};

/** Describes a method with typed arguments for its handler. */
export function defineMethod<const P extends readonly Param[]>(
  name: string,
  account: AccountKind,
  params: P,
  returns: string,
  handler: (call: DialectCall, ...args: Values<P>) => Promise<unknown>,
): DialectMethod {
  return {
    name,
    account,
    params,
    returns,
    call: async (call, args) => {
      const resolved = await Promise.all(
        args.map((value, index) => {
          const param = params[index];
          return param?.resolve && value !== undefined
            ? param.resolve(value, call)
            : value;
        }),
      );
      return await handler(call, ...(resolved as Values<P>));
    },
  };
}

/** The method's signature as users read it: `sendMessage(chatId: ID, text: string, params?: SendMessageParams): Message`. */
export function signatureOf(method: DialectMethod): string {
  const params = method.params.map((param) =>
    `${param.name}${param.optional ? "?" : ""}: ${param.type}`
  );
  return `${method.name}(${params.join(", ")}): ${method.returns}`;
}

/** Checks the account kind and the arguments against the method's parameters; returns the converted arguments. */
export function readArguments(
  method: DialectMethod,
  args: unknown[],
  isBot: boolean,
): unknown[] {
  if (method.account === "bot" && !isBot) {
    throw new InputError(`${method.name}: not a bot client.`);
  }
  if (method.account === "user" && isBot) {
    throw new InputError(`${method.name}: not a user client.`);
  }
  const { params } = method;
  if (args.length > params.length) {
    throw new InputError(
      params.length === 0
        ? `${method.name} takes no arguments; got ${args.length}`
        : `${method.name} takes at most ${params.length} argument${
          params.length === 1 ? "" : "s"
        } (${
          params.map((param) => param.name).join(", ")
        }); got ${args.length}`,
    );
  }
  return params.map((param, index) => {
    const value = args[index];
    const path = `Argument ${index + 1} of ${method.name} (${param.name})`;
    if (value === undefined || (value === null && param.optional)) {
      if (param.optional) return param.fallback?.();
      throw new InputError(`${path} is missing; it must be ${param.type}`);
    }
    if (
      isAttachedFile(value) && typeof value.field === "string" &&
      param.type !== "FileSource"
    ) {
      throw new InputError(
        `${path} is the multipart file part ${
          JSON.stringify(value.field)
        }; a file part stands only where a FileSource goes (it must be ${param.type})`,
      );
    }
    return param.read(value, path);
  });
}
