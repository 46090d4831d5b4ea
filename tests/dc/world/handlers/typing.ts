/** `messages.setTyping`: telling a chat what the caller is doing (see `world/typing.ts`). */
import { resolvePeer } from "../peers.ts";
import { sendTyping } from "../typing.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

/** The typing methods. */
export const typingHandlers: HandlerTable = {
  "messages.setTyping": loggedIn((ctx, params) => {
    sendTyping(ctx, {
      senderId: ctx.self.id,
      peerId: resolvePeer(ctx.state, ctx.self.id, params.peer),
      action: params.action,
      topMsgId: params.topMsgId,
    });
    return true;
  }),
};
