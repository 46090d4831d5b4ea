/** `messages.*` that change boxes: sending, editing, deleting, forwarding, reading (typing is in `typing.ts`). */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import { deleteMessages, editMessage, readHistory } from "../delivery.ts";
import type { MessageContent } from "../mailboxes.ts";
import { resolveMedia, resolveUploadedMedia } from "../media.ts";
import { forwardOriginOf } from "../outgoing.ts";
import { messageInChat, resolveEntities, resolvePeer } from "../peers.ts";
import { closePollByEdit } from "../poll_votes.ts";
import { isPoll } from "../polls.ts";
import { resolveReplyMarkup } from "../reply_markup.ts";
import { sendOrSchedule } from "../scheduled.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
  usersOnly,
} from "./types.ts";

const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;
const MAX_FORWARDED = 100;

/** The replied message's id in the sender's box (the channel's for channels), if it is in this chat (otherwise the reply is dropped, as on Telegram). */
function replyTarget(
  ctx: AuthorizedContext,
  peerId: number,
  replyTo: tl.TypeInputReplyTo | undefined,
): number | undefined {
  if (replyTo?._ !== "inputReplyToMessage") return undefined;
  return messageInChat(ctx.state, ctx.self.id, peerId, replyTo.replyToMsgId)
    ?.id;
}

/** Only bots' keyboards are kept, as on Telegram (checked and converted by `reply_markup.ts`). */
function keyboard(
  ctx: AuthorizedContext,
  replyMarkup: tl.TypeReplyMarkup | undefined,
): tl.TypeReplyMarkup | undefined {
  return resolveReplyMarkup(ctx.state, ctx.self, replyMarkup);
}

function textContent(
  ctx: AuthorizedContext,
  options: {
    text: string;
    entities?: tl.TypeMessageEntity[];
    maxLength: number;
    tooLong: string;
  },
): Pick<MessageContent, "text" | "entities"> {
  if (options.text.length > options.maxLength) {
    throw new RpcFailure(400, options.tooLong);
  }
  return {
    text: options.text,
    entities: resolveEntities(ctx.state, ctx.self.id, options.entities),
  };
}

/** Handlers of the `messages` namespace that change message boxes. */
export const messagesHandlers: HandlerTable = {
  "messages.sendMessage": loggedIn((ctx, params) => {
    const peerId = resolvePeer(ctx.state, ctx.self.id, params.peer);
    if (!params.message.trim()) throw new RpcFailure(400, "MESSAGE_EMPTY");
    const content = textContent(ctx, {
      text: params.message,
      entities: params.entities,
      maxLength: MAX_TEXT_LENGTH,
      tooLong: "MESSAGE_TOO_LONG",
    });
    return sendOrSchedule(ctx, {
      scheduleDate: params.scheduleDate,
      senderId: ctx.self.id,
      peerId,
      messages: [{
        content: { ...content, replyMarkup: keyboard(ctx, params.replyMarkup) },
        replyToId: replyTarget(ctx, peerId, params.replyTo),
        randomId: params.randomId,
      }],
    });
  }),
  "messages.sendMedia": loggedIn((ctx, params) => {
    const peerId = resolvePeer(ctx.state, ctx.self.id, params.peer);
    const caption = textContent(ctx, {
      text: params.message,
      entities: params.entities,
      maxLength: MAX_CAPTION_LENGTH,
      tooLong: "MEDIA_CAPTION_TOO_LONG",
    });
    const media = resolveMedia(ctx.state, ctx.self.id, params.media);
    return sendOrSchedule(ctx, {
      scheduleDate: params.scheduleDate,
      senderId: ctx.self.id,
      peerId,
      messages: [{
        content: {
          ...caption,
          media,
          replyMarkup: keyboard(ctx, params.replyMarkup),
        },
        replyToId: replyTarget(ctx, peerId, params.replyTo),
        randomId: params.randomId,
      }],
    });
  }),
  "messages.uploadMedia": loggedIn((ctx, params) => {
    resolvePeer(ctx.state, ctx.self.id, params.peer);
    return resolveUploadedMedia(ctx.state, ctx.self.id, params.media);
  }),
  "messages.forwardMessages": loggedIn((ctx, params) => {
    const fromPeerId = resolvePeer(ctx.state, ctx.self.id, params.fromPeer);
    const toPeerId = resolvePeer(ctx.state, ctx.self.id, params.toPeer);
    if (params.id.length === 0) throw new RpcFailure(400, "MESSAGE_IDS_EMPTY");
    if (params.id.length > MAX_FORWARDED) {
      throw new RpcFailure(400, "MESSAGE_ID_INVALID");
    }
    if (params.randomId.length !== params.id.length) {
      throw new RpcFailure(400, "RANDOM_ID_INVALID");
    }
    const messages = params.id.map((id, index) => {
      const original = messageInChat(ctx.state, ctx.self.id, fromPeerId, id);
      if (!original || original.action) {
        throw new RpcFailure(400, "MESSAGE_ID_INVALID");
      }
      const forwardOrigin = params.dropAuthor
        ? undefined
        : forwardOriginOf(original);
      const keepCaption = !(params.dropMediaCaptions && original.media);
      return {
        content: {
          text: keepCaption ? original.text : "",
          entities: keepCaption ? original.entities : undefined,
          media: original.media,
          forwardOrigin,
        },
        randomId: params.randomId[index],
      };
    });
    return sendOrSchedule(ctx, {
      scheduleDate: params.scheduleDate,
      senderId: ctx.self.id,
      peerId: toPeerId,
      messages,
    });
  }),
  "messages.editMessage": loggedIn((ctx, params) => {
    const peerId = resolvePeer(ctx.state, ctx.self.id, params.peer);
    const message = messageInChat(ctx.state, ctx.self.id, peerId, params.id);
    if (!message) throw new RpcFailure(400, "MESSAGE_ID_INVALID");
    if (params.media?._ === "inputMediaPoll" && isPoll(message.media)) {
      return closePollByEdit(ctx, {
        editorId: ctx.self.id,
        peerKey: peerId,
        message,
        input: params.media,
        replyMarkup: keyboard(ctx, params.replyMarkup),
      });
    }
    const text = params.message === undefined ? undefined : textContent(ctx, {
      text: params.message,
      entities: params.entities,
      maxLength: message.media ? MAX_CAPTION_LENGTH : MAX_TEXT_LENGTH,
      tooLong: message.media ? "MEDIA_CAPTION_TOO_LONG" : "MESSAGE_TOO_LONG",
    });
    if (text && !text.text.trim() && !message.media && !params.media) {
      throw new RpcFailure(400, "MESSAGE_EMPTY");
    }
    const media = params.media &&
      resolveMedia(ctx.state, ctx.self.id, params.media);
    return editMessage(ctx, {
      ownerId: ctx.self.id,
      peerId,
      id: params.id,
      ...text,
      media,
      replyMarkup: keyboard(ctx, params.replyMarkup),
    });
  }),
  "messages.deleteMessages": loggedIn((ctx, params) =>
    // bots cannot delete only their own copy of a private message
    deleteMessages(ctx, {
      ownerId: ctx.self.id,
      ids: params.id,
      revoke: params.revoke === true || ctx.self.kind === "bot",
    })
  ),
  "messages.readHistory": usersOnly((ctx, params) => {
    const peerId = resolvePeer(ctx.state, ctx.self.id, params.peer);
    return readHistory(ctx, {
      ownerId: ctx.self.id,
      peerId,
      maxId: params.maxId,
    });
  }),
};
