/** Callback and inline queries: users ask, bots answer (`callbacks.ts`, `inline.ts`). */
import { RpcFailure } from "../../contract.ts";
import { answerCallbackQuery, pressButton } from "../callbacks.ts";
import { editMessage } from "../delivery.ts";
import { answerInline, askInline, sendInlineResult } from "../inline.ts";
import { checkedText } from "../inline_results.ts";
import { resolveMedia } from "../media.ts";
import {
  messageInChat,
  resolveEntities,
  resolvePeer,
  resolveUser,
} from "../peers.ts";
import { resolveReplyMarkup } from "../reply_markup.ts";
import { botsOnly, type HandlerTable, usersOnly } from "./types.ts";

/** Handlers of the bot query methods of the `messages` namespace. */
export const botQueriesHandlers: HandlerTable = {
  "messages.getBotCallbackAnswer": usersOnly((ctx, params) =>
    pressButton(ctx, {
      userId: ctx.self.id,
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      messageId: params.msgId,
      data: params.data,
      game: params.game,
    })
  ),
  "messages.setBotCallbackAnswer": botsOnly((ctx, params) => {
    answerCallbackQuery(ctx, ctx.self.id, params);
    return true;
  }),
  "messages.getInlineBotResults": usersOnly((ctx, params) =>
    askInline(ctx, {
      userId: ctx.self.id,
      botId: resolveUser(ctx.state, ctx.self.id, params.bot),
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      query: params.query,
      offset: params.offset,
    })
  ),
  "messages.setInlineBotResults": botsOnly((ctx, params) => {
    answerInline(ctx, ctx.self, params);
    return true;
  }),
  "messages.sendInlineBotResult": usersOnly((ctx, params) => {
    const peerKey = resolvePeer(ctx.state, ctx.self.id, params.peer);
    const replyTo = params.replyTo?._ === "inputReplyToMessage"
      ? messageInChat(
        ctx.state,
        ctx.self.id,
        peerKey,
        params.replyTo.replyToMsgId,
      )
      : undefined;
    return sendInlineResult(ctx, {
      userId: ctx.self.id,
      peerKey,
      queryId: params.queryId,
      resultId: params.id,
      replyToId: replyTo?.id,
      randomId: params.randomId,
      silent: params.silent,
    });
  }),
  "messages.editInlineBotMessage": botsOnly((ctx, params) => {
    const { state, self } = ctx;
    const sent = state.inline.message(params.id);
    const message = messageInChat(
      state,
      sent.senderId,
      sent.peerKey,
      sent.messageId,
    );
    if (message?.viaBotId !== self.id) {
      throw new RpcFailure(400, "MESSAGE_ID_INVALID");
    }
    const media = params.media && resolveMedia(state, self.id, params.media);
    const caption = (media ?? message.media) !== undefined;
    editMessage(ctx, {
      ownerId: sent.senderId,
      peerId: sent.peerKey,
      id: sent.messageId,
      text: params.message === undefined
        ? undefined
        : checkedText(params.message, caption),
      entities: resolveEntities(state, self.id, params.entities),
      media,
      replyMarkup: resolveReplyMarkup(state, self, params.replyMarkup),
    });
    return true;
  }),
};
