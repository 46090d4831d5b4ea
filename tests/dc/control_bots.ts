/**
 * The control API's bot interactions, done as a user's own client would:
 * pressing callback buttons, asking inline bots, sending inline results.
 * They wait for the bot like the user's call does (up to
 * `BOT_ANSWER_TIMEOUT_MS`; over HTTP a timeout answers 504).
 */
import { Long } from "@mtcute/core";
import { RpcFailure } from "./contract.ts";
import {
  BadRequest,
  field,
  json,
  optionalNumber,
  optionalString,
  readBody,
  type Route,
} from "./control_http.ts";
import { pressButton } from "./world/callbacks.ts";
import type { DeliveryContext } from "./world/emit.ts";
import { askInline, sendInlineResult } from "./world/inline.ts";
import type { World } from "./world/world.ts";

/** A bot's answer to a pressed button. */
export interface ControlCallbackAnswer {
  message?: string;
  alert?: boolean;
  url?: string;
}

/** What an inline query got back. */
export interface ControlInlineResults {
  /** The query id, as a decimal string (it is a `long`). */
  queryId: string;
  results: { id: string; type: string; title?: string }[];
}

/** The bot interactions of the control API. */
export interface BotControl {
  /** `from` presses the callback button with `data` under message `messageId` (in `from`'s box) of the chat `peer` (a bot id or a marked chat id). */
  pressButton(
    input: { from: number; peer: number; messageId: number; data: string },
  ): Promise<{ answer: ControlCallbackAnswer }>;
  /** `from` asks inline bot `bot` for `query`, typing in the chat `peer` (default: the bot's own chat). */
  inlineQuery(
    input: {
      from: number;
      bot: number;
      query: string;
      peer?: number;
      offset?: string;
    },
  ): Promise<ControlInlineResults>;
  /** `from` sends result `resultId` of its answered query `queryId` to `bot` into the chat `peer`; `id` is the message's id in `from`'s box (the channel's for channels). */
  sendInlineResult(
    input: {
      from: number;
      bot: number;
      queryId: string;
      resultId: string;
      peer: number;
    },
  ): { id: number };
}

function queryIdOf(text: string): Long {
  if (!/^-?\d+$/.test(text)) {
    throw new BadRequest(`queryId must be a decimal long, not ${text}`);
  }
  return Long.fromString(text);
}

/** The `BotControl` of a world. */
export function createBotControl(world: World): BotControl {
  const ctx = (): DeliveryContext => ({
    state: world.state,
    sessions: world.sessions,
  });
  return {
    async pressButton({ from, peer, messageId, data }) {
      world.state.accounts.require(from);
      const answer = await pressButton(ctx(), {
        userId: from,
        peerKey: peer,
        messageId,
        data: new TextEncoder().encode(data),
      });
      return {
        answer: {
          message: answer.message,
          alert: answer.alert,
          url: answer.url,
        },
      };
    },
    async inlineQuery({ from, bot, query, peer, offset }) {
      world.state.accounts.require(from);
      const results = await askInline(ctx(), {
        userId: from,
        botId: bot,
        peerKey: peer ?? bot,
        query,
        offset: offset ?? "",
      });
      return {
        queryId: results.queryId.toString(),
        results: results.results.map((result) => ({
          id: result.id,
          type: result.type,
          title: result.title,
        })),
      };
    },
    sendInlineResult({ from, bot, queryId, resultId, peer }) {
      const { state } = world;
      state.accounts.require(from);
      const id = queryIdOf(queryId);
      if (state.inline.answered(id, from).botId !== bot) {
        throw new RpcFailure(400, "QUERY_ID_INVALID");
      }
      const updates = sendInlineResult(ctx(), {
        userId: from,
        peerKey: peer,
        queryId: id,
        resultId,
      });
      const sent = updates.updates.find((u) =>
        u._ === "updateNewMessage" || u._ === "updateNewChannelMessage"
      );
      return { id: sent && "message" in sent ? sent.message.id : 0 };
    },
  };
}

/** The HTTP routes of the bot interactions (see README.md). */
export function botRoutes(control: BotControl): Record<string, Route> {
  return {
    "POST /callback-queries": async (req) => {
      const body = await readBody(req);
      return json(
        await control.pressButton({
          from: field(body, "from", "number"),
          peer: field(body, "peer", "number"),
          messageId: field(body, "messageId", "number"),
          data: field(body, "data", "string"),
        }),
      );
    },
    "POST /inline-queries": async (req) => {
      const body = await readBody(req);
      return json(
        await control.inlineQuery({
          from: field(body, "from", "number"),
          bot: field(body, "bot", "number"),
          query: field(body, "query", "string"),
          peer: optionalNumber(body, "peer"),
          offset: optionalString(body, "offset"),
        }),
      );
    },
    "POST /inline-queries/send": async (req) => {
      const body = await readBody(req);
      return json(control.sendInlineResult({
        from: field(body, "from", "number"),
        bot: field(body, "bot", "number"),
        queryId: field(body, "queryId", "string"),
        resultId: field(body, "resultId", "string"),
        peer: field(body, "peer", "number"),
      }));
    },
  };
}
