/** CallbackQuery, InlineQuery and ChosenInlineResult in MTKruto's shape (types.md §7.1–7.3). */
import type { tl } from "@mtcute/core";
import { bytesAsText } from "./bytes_text.ts";
import { encodeInlineMessageId } from "./inline_message_id.ts";
import { type Location, renderGeoPoint } from "./location.ts";
import type { Message } from "./message.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { type PeerLookup, peerUser, type User } from "./peers.ts";

/** A button press; exactly one of `message` / `inlineMessageId` is set. */
export interface CallbackQuery {
  id: string;
  from: User;
  message?: Message;
  inlineMessageId?: string;
  chatInstance?: string;
  data?: string;
  gameShortName?: string;
}

/** Where an inline query was typed. */
export type InlineQueryChatType =
  | "sender"
  | "private"
  | "group"
  | "supergroup"
  | "channel";

/** A query typed after the bot's username. */
export interface InlineQuery {
  id: string;
  from: User;
  query: string;
  offset: string;
  chatType?: InlineQueryChatType;
  location?: Location;
}

/** The inline result a user picked and sent. */
export interface ChosenInlineResult {
  resultId: string;
  from: User;
  location?: Location;
  inlineMessageId?: string;
  query: string;
}

const CHAT_TYPES: Record<tl.TypeInlineQueryPeerType["_"], InlineQueryChatType> =
  {
    inlineQueryPeerTypeSameBotPM: "private",
    inlineQueryPeerTypeBotPM: "sender",
    inlineQueryPeerTypePM: "sender",
    inlineQueryPeerTypeChat: "group",
    inlineQueryPeerTypeMegagroup: "supergroup",
    inlineQueryPeerTypeBroadcast: "channel",
  };

function locationOf(geo: tl.TypeGeoPoint | undefined): Location | undefined {
  return geo?._ === "geoPoint" ? renderGeoPoint(geo) : undefined;
}

/**
 * The CallbackQuery of a bot or inline callback update. For a bot callback
 * the caller fetches and renders the message (MTKruto drops the query when
 * it cannot); an inline callback names its message by `inlineMessageId`.
 * Throws RenderError when the user did not come with the update.
 */
export function renderCallbackQuery(
  update: tl.RawUpdateBotCallbackQuery | tl.RawUpdateInlineBotCallbackQuery,
  peers: PeerLookup,
  message?: Message,
): CallbackQuery {
  return omitUndefined({
    id: update.queryId.toString(),
    from: peerUser(peers, update.userId),
    message: update._ === "updateBotCallbackQuery" ? message : undefined,
    inlineMessageId: update._ === "updateInlineBotCallbackQuery"
      ? encodeInlineMessageId(update.msgId)
      : undefined,
    chatInstance: update.chatInstance.isZero()
      ? ""
      : update.chatInstance.toString(),
    data: update.data && bytesAsText(update.data),
    gameShortName: update.gameShortName,
  });
}

/** The InlineQuery of `updateBotInlineQuery`. Throws RenderError when the user did not come with the update. */
export function renderInlineQuery(
  update: tl.RawUpdateBotInlineQuery,
  peers: PeerLookup,
): InlineQuery {
  return omitUndefined({
    id: update.queryId.toString(),
    from: peerUser(peers, update.userId),
    query: update.query,
    offset: update.offset,
    chatType: update.peerType && CHAT_TYPES[update.peerType._],
    location: locationOf(update.geo),
  });
}

/** The ChosenInlineResult of `updateBotInlineSend`. Throws RenderError when the user did not come with the update. */
export function renderChosenInlineResult(
  update: tl.RawUpdateBotInlineSend,
  peers: PeerLookup,
): ChosenInlineResult {
  return omitUndefined({
    resultId: update.id,
    from: peerUser(peers, update.userId),
    location: locationOf(update.geo),
    inlineMessageId: update.msgId && encodeInlineMessageId(update.msgId),
    query: update.query,
  });
}
