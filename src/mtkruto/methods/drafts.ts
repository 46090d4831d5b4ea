/**
 * Message drafts: saving a chat's draft and clearing every draft (MTKruto's
 * MessageManager: `messages.saveDraft`, `messages.clearAllDrafts`). Users
 * only. A draft's `media` is not taken by this server.
 */
import { Long, type tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { type ReplyToOptions, toReplyTo } from "../params/reply_to.ts";
import {
  at,
  given,
  type JsonObject,
  optionalBoolean,
  optionalDecimal,
} from "../params/read.ts";
import { parseText } from "../text/parse_mode.ts";
import type { DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { chatIdParam, optionsParam, stringParam } from "./params.ts";

/** The TL reply a draft keeps, from a read ReplyTo (a story's chat is the draft's, as for sends). */
function draftReplyTo(
  reply: ReplyToOptions,
  peer: tl.TypeInputPeer,
): tl.TypeInputReplyTo | undefined {
  if (reply.replyToStory !== undefined) {
    return { _: "inputReplyToStory", peer, storyId: reply.replyToStory };
  }
  if (reply.replyTo === undefined) return undefined;
  return {
    _: "inputReplyToMessage",
    replyToMsgId: reply.replyTo,
    quoteText: reply.quote?.text,
    quoteEntities: reply.quote?.entities,
    quoteOffset: reply.quoteOffset,
    pollOption: reply.replyToPollOption,
    todoItemId: reply.replyToTodoItem,
  };
}

/** SaveDraftParams' keys besides the text's, checked before anything is sent. */
function readDraftOptions(params: JsonObject) {
  const path = "params";
  if (given(params, "media")) {
    throw new InputError(
      `${
        at(path, "media")
      }: media in drafts is not supported by this server; leave it out`,
    );
  }
  const effectId = optionalDecimal(params, "effectId", path);
  return {
    reply: given(params, "replyTo")
      ? toReplyTo(params.replyTo, at(path, "replyTo"))
      : {},
    effect: effectId === undefined ? undefined : Long.fromString(effectId),
    invertMedia: optionalBoolean(params, "isMediaAboveText", path) ||
      undefined,
    noWebpage: optionalBoolean(params, "isLinkPreviewDisabled", path) ||
      undefined,
  };
}

/** Draft methods. */
export const DRAFT_METHODS: DialectMethod[] = [
  defineMethod(
    "saveDraft",
    "user",
    [
      chatIdParam(),
      stringParam("text"),
      optionsParam("SaveDraftParams"),
    ],
    "void",
    async (call, chatId, text, params) => {
      // An empty text with nothing else deletes the chat's draft, as on Telegram.
      const parsed = parseText(
        text,
        { parseMode: params.parseMode, entities: params.entities },
        "params",
        { textName: "Argument 2 of saveDraft (text)", allowEmpty: true },
      );
      const { reply, ...options } = readDraftOptions(params);
      const peer = await call.client.resolvePeer(chatId);
      await call.client.call({
        _: "messages.saveDraft",
        peer,
        message: parsed.text,
        entities: parsed.entities.length ? parsed.entities : undefined,
        replyTo: draftReplyTo(reply, peer),
        ...options,
      });
      return null;
    },
  ),
  defineMethod(
    "clearDrafts",
    "user",
    [],
    "void",
    async (call) => {
      await call.client.call({ _: "messages.clearAllDrafts" });
      return null;
    },
  ),
];
