/** `messages.sendMultiMedia` (albums) and `messages.sendVote` (polls). */
import { RpcFailure } from "../../contract.ts";
import { randomLong } from "../files.ts";
import { checkedText } from "../inline_results.ts";
import { resolveAlbumMedia } from "../media.ts";
import { sendVote } from "../poll_votes.ts";
import { messageInChat, resolveEntities, resolvePeer } from "../peers.ts";
import { sendOrSchedule } from "../scheduled.ts";
import { type HandlerTable, loggedIn, usersOnly } from "./types.ts";

const MAX_ALBUM = 10;

/** Handlers of album and poll methods of the `messages` namespace. */
export const mediaHandlers: HandlerTable = {
  "messages.sendMultiMedia": loggedIn((ctx, params) => {
    const { state, self } = ctx;
    const peerKey = resolvePeer(state, self.id, params.peer);
    if (params.multiMedia.length === 0) {
      throw new RpcFailure(400, "MEDIA_EMPTY");
    }
    if (params.multiMedia.length > MAX_ALBUM) {
      throw new RpcFailure(400, "MULTI_MEDIA_TOO_LONG");
    }
    const replyTo = params.replyTo?._ === "inputReplyToMessage"
      ? messageInChat(state, self.id, peerKey, params.replyTo.replyToMsgId)
      : undefined;
    const groupedId = randomLong();
    const messages = params.multiMedia.map((item) => {
      if (item.randomId.isZero()) throw new RpcFailure(400, "RANDOM_ID_EMPTY");
      return {
        content: {
          text: checkedText(item.message, true),
          entities: resolveEntities(state, self.id, item.entities),
          media: resolveAlbumMedia(state, self.id, item.media),
          groupedId,
          silent: params.silent || undefined,
        },
        replyToId: replyTo?.id,
        randomId: item.randomId,
      };
    });
    return sendOrSchedule(ctx, {
      senderId: self.id,
      peerId: peerKey,
      messages,
      scheduleDate: params.scheduleDate,
    });
  }),
  "messages.sendVote": usersOnly((ctx, params) =>
    sendVote(ctx, {
      voterId: ctx.self.id,
      peerKey: resolvePeer(ctx.state, ctx.self.id, params.peer),
      msgId: params.msgId,
      options: params.options,
    })
  ),
};
