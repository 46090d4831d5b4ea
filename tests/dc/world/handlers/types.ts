/** How API method handlers are declared: typed by mtcute's method map, with the access they need. */
import type { tl } from "@mtcute/core";
import type { RpcCall } from "../../contract.ts";
import type { Account } from "../accounts.ts";
import type { DeliveryContext } from "../delivery.ts";

/** Every API method name mtcute knows. */
export type MethodName = tl.RpcMethod["_"];
/** The decoded request object of a method. */
export type RequestOf<M extends MethodName> = Extract<tl.RpcMethod, { _: M }>;
/** The result type of a method, per the schema. */
export type ResultOf<M extends MethodName> = M extends keyof tl.RpcCallReturn
  ? tl.RpcCallReturn[M]
  : never;

/** Where the emulated DC is reachable; `help.getConfig` hands it out. */
export interface DcAddress {
  id: number;
  hostname: string;
  port: number;
}

/** What every handler gets. */
export interface HandlerContext extends DeliveryContext {
  readonly call: RpcCall;
  readonly dc: DcAddress;
  /** The caller's account, if its session is logged in. */
  readonly self: Account | undefined;
}

/** What handlers that require a login get. */
export interface AuthorizedContext extends HandlerContext {
  readonly self: Account;
}

/** Who may call a method: anyone, any logged-in account, only users, or only bots. */
export type Access = "anyone" | "account" | "user" | "bot";

/** One method's handler. */
export interface MethodHandler<M extends MethodName> {
  readonly access: Access;
  run(
    ctx: HandlerContext,
    params: RequestOf<M>,
  ): ResultOf<M> | Promise<ResultOf<M>>;
}

/** The registry: method name → handler. */
export type HandlerTable = { [M in MethodName]?: MethodHandler<M> };

type Run<C, M extends MethodName> = (
  ctx: C,
  params: RequestOf<M>,
) => ResultOf<M> | Promise<ResultOf<M>>;

/** A method that works without login (e.g. `help.getConfig`, `auth.sendCode`). */
export function anyone<M extends MethodName>(
  run: Run<HandlerContext, M>,
): MethodHandler<M> {
  return { access: "anyone", run };
}

function authorized<M extends MethodName>(
  access: Access,
  run: Run<AuthorizedContext, M>,
): MethodHandler<M> {
  // the dispatcher checks `access` and sets `self` before calling `run`
  return {
    access,
    run: (ctx, params) => run(ctx as AuthorizedContext, params),
  };
}

/** A method for any logged-in account. */
export function loggedIn<M extends MethodName>(
  run: Run<AuthorizedContext, M>,
): MethodHandler<M> {
  return authorized("account", run);
}

/** A method bots may not call (`BOT_METHOD_INVALID`). */
export function usersOnly<M extends MethodName>(
  run: Run<AuthorizedContext, M>,
): MethodHandler<M> {
  return authorized("user", run);
}

/** A method only bots may call (`USER_BOT_REQUIRED`). */
export function botsOnly<M extends MethodName>(
  run: Run<AuthorizedContext, M>,
): MethodHandler<M> {
  return authorized("bot", run);
}
