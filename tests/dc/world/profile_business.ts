/**
 * Connected business bots (core.telegram.org/api/bots/connected-business-bots):
 * a business user connects a bot to its account, and the bot learns of it
 * through `updateBotBusinessConnect` (a qts update), which
 * `account.getBotBusinessConnection` fetches again by the connection's id.
 * Only the connections are kept: messages sent through them are not.
 */
import { randomBytes } from "node:crypto";
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { emitQts } from "./qts.ts";

/** A bot connected to a business user's account. */
export interface BusinessConnection {
  /** Telegram's opaque connection id. */
  readonly id: string;
  readonly userId: number;
  readonly botId: number;
  /** The user's DC. */
  readonly dcId: number;
  /** When the connection was made or last changed (Unix seconds). */
  date: number;
  /** Whether the bot may reply in the user's chats (`businessBotRights.reply`). */
  canReply: boolean;
  /** Whether the user disconnected the bot. */
  disabled: boolean;
}

/** Every business connection, by id. */
export class BusinessConnections {
  readonly #byId = new Map<string, BusinessConnection>();

  /** Records a new connection of `botId` to `userId`'s account. */
  add(
    input: { userId: number; botId: number; dcId: number; canReply: boolean },
  ): BusinessConnection {
    const connection: BusinessConnection = {
      id: randomBytes(12).toString("base64url"),
      ...input,
      date: now(),
      disabled: false,
    };
    this.#byId.set(connection.id, connection);
    return connection;
  }

  /** The connection `id` names, if `botId` is its bot; `CONNECTION_ID_INVALID` otherwise, as to any other caller. */
  requireOf(botId: number, id: string): BusinessConnection {
    const connection = this.#byId.get(id);
    if (connection?.botId !== botId) {
      throw new RpcFailure(400, "CONNECTION_ID_INVALID");
    }
    return connection;
  }
}

/** The TL `botBusinessConnection` of a connection. */
export function toTlBusinessConnection(
  connection: BusinessConnection,
): tl.RawBotBusinessConnection {
  return {
    _: "botBusinessConnection",
    disabled: connection.disabled || undefined,
    connectionId: connection.id,
    userId: connection.userId,
    dcId: connection.dcId,
    date: connection.date,
    rights: { _: "businessBotRights", reply: connection.canReply || undefined },
  };
}

/** Connects `botId` to `userId`'s account, as the user's `account.updateConnectedBot` does; the bot gets `updateBotBusinessConnect`. */
export function connectBusinessBot(
  ctx: DeliveryContext,
  input: { userId: number; botId: number; dcId: number; canReply: boolean },
): BusinessConnection {
  const { accounts } = ctx.state;
  if (accounts.require(input.userId).kind !== "user") {
    throw new RpcFailure(400, "USER_ID_INVALID");
  }
  if (accounts.require(input.botId).kind !== "bot") {
    throw new RpcFailure(400, "BOT_INVALID");
  }
  const connection = ctx.state.businessConnections.add(input);
  emitQts(ctx, input.botId, {
    userIds: [input.userId],
    build: (qts): tl.RawUpdateBotBusinessConnect => ({
      _: "updateBotBusinessConnect",
      connection: toTlBusinessConnection(connection),
      qts,
    }),
  });
  return connection;
}
