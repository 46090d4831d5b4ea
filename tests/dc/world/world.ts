/** The emulated Telegram world: the `RpcHandler` the MTProto layer calls for every API function. */
import { RpcFailure } from "../contract.ts";
import type { RpcCall, RpcHandler, Session } from "../contract.ts";
import type { Account } from "./accounts.ts";
import { HANDLERS } from "./handlers/mod.ts";
import type {
  Access,
  DcAddress,
  HandlerContext,
  MethodHandler,
  MethodName,
} from "./handlers/types.ts";
import { Sessions } from "./sessions.ts";
import { WorldState } from "./state.ts";

/** Options of a new world. */
export interface WorldOptions {
  /** Where `help.getConfig` says the DC is; defaults to DC 2 at 127.0.0.1 (port set later with `setDcAddress`). */
  dc?: Partial<DcAddress>;
  /** Events per `updates.differenceSlice` (default 100). */
  differenceSliceSize?: number;
}

/** The world: accounts, messages, updates, files, and the API over them. */
export class World implements RpcHandler {
  readonly sessions = new Sessions();
  #dc: DcAddress;
  #state: WorldState;
  readonly #differenceSliceSize?: number;

  constructor(options: WorldOptions = {}) {
    this.#dc = { id: 2, hostname: "127.0.0.1", port: 0, ...options.dc };
    this.#differenceSliceSize = options.differenceSliceSize;
    this.#state = new WorldState({
      differenceSliceSize: options.differenceSliceSize,
    });
  }

  /** The current (resettable) state. */
  get state(): WorldState {
    return this.#state;
  }

  get dc(): DcAddress {
    return { ...this.#dc };
  }

  /** Points `help.getConfig` at the MTProto server once its port is known. */
  setDcAddress(hostname: string, port: number): void {
    this.#dc = { ...this.#dc, hostname, port };
  }

  /** Wipes accounts, chats, messages, files, faults and logs; connected sessions stay but are logged out. */
  reset(): void {
    // queued scheduled messages go with the old state: their timers must not fire into it
    this.#state.scheduled.dispose();
    this.#state = new WorldState({
      firstAccountId: this.#state.accounts.nextId,
      firstChatId: this.#state.chats.nextId,
      differenceSliceSize: this.#differenceSliceSize,
    });
  }

  connectionChanged(session: Session): void {
    this.sessions.noteConnection(session);
  }

  async call(call: RpcCall): Promise<unknown> {
    const state = this.#state;
    this.sessions.noteCall(call.session, call.withoutUpdates);
    let authorizedAs: { id: number | undefined } | undefined;
    const tracked: RpcCall = {
      session: call.session,
      method: call.method,
      params: call.params,
      withoutUpdates: call.withoutUpdates,
      authorize(accountId) {
        authorizedAs = { id: accountId };
        call.authorize(accountId);
      },
    };
    try {
      await state.faults.apply(tracked);
      return await this.#dispatch(tracked);
    } finally {
      // attributed to the account the session is logged in as after the call, so logins count
      const accountId = authorizedAs ? authorizedAs.id : call.session.accountId;
      if (accountId !== undefined) state.calls.record(accountId, call.method);
    }
  }

  #dispatch(call: RpcCall): unknown {
    const handler = HANDLERS[call.method as MethodName] as
      | MethodHandler<MethodName>
      | undefined;
    if (!handler) throw new RpcFailure(400, "METHOD_INVALID");
    const self = this.#caller(call);
    this.#checkAccess(handler.access, self, call);
    const ctx: HandlerContext = {
      state: this.#state,
      sessions: this.sessions,
      caller: call.session,
      call,
      dc: this.#dc,
      self,
    };
    return handler.run(ctx, call.params as never);
  }

  /** The caller's account; a session logged in as an account that no longer exists (after a reset) is logged out. */
  #caller(call: RpcCall): Account | undefined {
    const id = call.session.accountId;
    if (id === undefined) return undefined;
    const account = this.#state.accounts.get(id);
    if (!account) call.authorize(undefined);
    return account;
  }

  #checkAccess(access: Access, self: Account | undefined, call: RpcCall): void {
    if (access === "anyone") return;
    if (!self) {
      const awaitingPassword =
        this.#state.logins.awaitingPassword(call.session.authKeyId) !==
          undefined;
      throw new RpcFailure(
        401,
        awaitingPassword ? "SESSION_PASSWORD_NEEDED" : "AUTH_KEY_UNREGISTERED",
      );
    }
    if (access === "user" && self.kind === "bot") {
      throw new RpcFailure(400, "BOT_METHOD_INVALID");
    }
    if (access === "bot" && self.kind === "user") {
      throw new RpcFailure(400, "USER_BOT_REQUIRED");
    }
  }
}
