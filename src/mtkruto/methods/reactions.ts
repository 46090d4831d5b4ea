/** Reactions: choosing them on messages, a chat's allowed ones, who reacted (methods.md §B.10, §B.5). */
import { type InputPeerLike, PeersIndex, type tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import {
  toAvailableReactions,
  toTlReaction,
  toTlReactions,
} from "../params/reaction.ts";
import {
  given,
  optionalBoolean,
  optionalInteger,
  optionalString,
} from "../params/read.ts";
import { renderReactionList, sameReaction } from "../types/reactions.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  messageIdParam,
  optionsParam,
} from "./params.ts";

/** The most entries one page of `getMessageReactions` holds, as Telegram caps it. */
const MAX_LIST_LIMIT = 100;

/** SetReactionsParams / AddReactionParams → the flags of `messages.sendReaction`. */
function sendOptions(params: Record<string, unknown>) {
  return {
    big: optionalBoolean(params, "isBig", "params") || undefined,
    addToRecent: optionalBoolean(params, "addToRecents", "params") || undefined,
  };
}

/** Sets the account's reactions on the message to `reactions` (none removes them), as MTKruto does: raw, for `add_to_recent`. */
async function sendReactions(
  call: DialectCall,
  target: { chatId: InputPeerLike; messageId: number },
  reactions: tl.TypeReaction[],
  options: { big?: true; addToRecent?: true } = {},
): Promise<null> {
  const updates = await call.client.call({
    _: "messages.sendReaction",
    peer: await call.client.resolvePeer(target.chatId),
    msgId: target.messageId,
    reaction: reactions,
    ...options,
  });
  // Delivered like mtcute's own sendReaction does with its result.
  call.client.handleClientUpdate(updates);
  return null;
}

/** The reactions the account chose on the message, in the order it chose them (from the message, as MTKruto reads them). */
async function chosenReactions(
  call: DialectCall,
  target: { chatId: InputPeerLike; messageId: number },
): Promise<tl.TypeReaction[]> {
  const [message] = await call.client.getMessages(target.chatId, [
    target.messageId,
  ]);
  if (!message) {
    throw new InputError(
      `Argument 2 of ${call.method} (messageId): message ${target.messageId} was not found in the chat`,
    );
  }
  return (message.raw.reactions?.results ?? [])
    .filter((result) => result.chosenOrder !== undefined)
    .sort((a, b) => a.chosenOrder! - b.chosenOrder!)
    .map((result) => result.reaction);
}

/** A Reaction argument. */
const reactionParam = customParam("reaction", "Reaction", toTlReaction);

/** The reaction methods. */
export const REACTION_METHODS: DialectMethod[] = [
  defineMethod(
    "setReactions",
    "both",
    [
      chatIdParam(),
      messageIdParam(),
      customParam("reactions", "Reaction[]", toTlReactions),
      optionsParam("SetReactionsParams"),
    ],
    "void",
    async (call, chatId, messageId, reactions, params) =>
      await sendReactions(
        call,
        { chatId, messageId },
        reactions,
        sendOptions(params),
      ),
  ),
  defineMethod(
    "addReaction",
    "both",
    [
      chatIdParam(),
      messageIdParam(),
      reactionParam,
      optionsParam("AddReactionParams"),
    ],
    "void",
    async (call, chatId, messageId, reaction, params) => {
      const options = sendOptions(params);
      const target = { chatId, messageId };
      const chosen = await chosenReactions(call, target);
      // already chosen: nothing to do, as in MTKruto
      if (chosen.some((item) => sameReaction(item, reaction))) return null;
      return await sendReactions(call, target, [reaction, ...chosen], options);
    },
  ),
  defineMethod(
    "removeReaction",
    "both",
    [chatIdParam(), messageIdParam(), reactionParam],
    "void",
    async (call, chatId, messageId, reaction) => {
      const target = { chatId, messageId };
      const chosen = await chosenReactions(call, target);
      const rest = chosen.filter((item) => !sameReaction(item, reaction));
      // not chosen: nothing to do, as in MTKruto
      if (rest.length === chosen.length) return null;
      return await sendReactions(call, target, rest);
    },
  ),
  defineMethod(
    "setAvailableReactions",
    "user",
    [
      chatIdParam(),
      customParam(
        "availableReactions",
        "AvailableReactions",
        toAvailableReactions,
      ),
    ],
    "void",
    async (call, chatId, available) => {
      const updates = await call.client.call({
        _: "messages.setChatAvailableReactions",
        peer: await call.client.resolvePeer(chatId),
        ...available,
      });
      call.client.handleClientUpdate(updates);
      return null;
    },
  ),
  defineMethod(
    "getMessageReactions",
    "user",
    [
      chatIdParam(),
      messageIdParam(),
      optionsParam("GetMessageReactionsParams"),
    ],
    "MessageReactionList",
    async (call, chatId, messageId, params) => {
      const query = {
        id: messageId,
        reaction: given(params, "reaction")
          ? toTlReaction(params.reaction, "params.reaction")
          : undefined,
        offset: optionalString(params, "offset", "params"),
        limit: optionalInteger(params, "limit", "params", {
          min: 1,
          max: MAX_LIST_LIMIT,
        }) ?? MAX_LIST_LIMIT,
      };
      const list = await call.client.call({
        _: "messages.getMessageReactionsList",
        peer: await call.client.resolvePeer(chatId),
        ...query,
      });
      return renderReactionList(list, PeersIndex.from(list));
    },
  ),
];
