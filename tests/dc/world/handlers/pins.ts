/** `messages.unpinAllMessages` (see `pins.ts`; pinning one message is in `chats.ts`). */
import { unpinAll } from "../pins.ts";
import { resolvePeer } from "../peers.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

/** Handlers of the pin methods of the `messages` namespace besides `updatePinnedMessage`. */
export const pinsHandlers: HandlerTable = {
  "messages.unpinAllMessages": loggedIn((ctx, params) =>
    unpinAll(
      ctx,
      ctx.self.id,
      resolvePeer(ctx.state, ctx.self.id, params.peer),
    )
  ),
};
