/** Every method of MTKruto's dialect, by area: the one table the worker, `methods` and the docs read. */
import type { DialectMethod } from "./define.ts";
import { signatureOf } from "./define.ts";
import { ACCOUNT_METHODS } from "./account.ts";
import { SEND_METHODS } from "./send.ts";
import { EDIT_METHODS } from "./edit.ts";
import { READ_METHODS } from "./read.ts";
import { MANAGE_METHODS } from "./manage.ts";
import { QUERY_METHODS } from "./queries.ts";

/** The dialect's methods by area, in documentation order. */
export const DIALECT_AREAS: Record<string, readonly DialectMethod[]> = {
  account: ACCOUNT_METHODS,
  sending: SEND_METHODS,
  editing: EDIT_METHODS,
  reading: READ_METHODS,
  managing: MANAGE_METHODS,
  queries: QUERY_METHODS,
};

const BY_NAME = new Map<string, DialectMethod>(
  Object.values(DIALECT_AREAS).flat().map((method) => [method.name, method]),
);

/** The dialect method called `name` (own names only), or undefined. */
export function dialectMethod(name: string): DialectMethod | undefined {
  return BY_NAME.get(name);
}

/** What `methods` lists for the dialect: each area's signatures, with the accounts they serve. */
export function dialectMethodList(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(DIALECT_AREAS).map(([area, methods]) => [
      area,
      methods.map((method) =>
        method.account === "both"
          ? signatureOf(method)
          : `${signatureOf(method)} [${method.account}s only]`
      ),
    ]),
  );
}
