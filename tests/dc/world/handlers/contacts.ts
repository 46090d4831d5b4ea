/** `contacts.*`: username resolution (users, bots, public supergroups and channels). */
import { RpcFailure } from "../../contract.ts";
import { isValidUsername } from "../accounts.ts";
import { tlPeer } from "../peer_keys.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

/** Handlers of the `contacts` namespace. */
export const contactsHandlers: HandlerTable = {
  "contacts.resolveUsername": loggedIn((ctx, params) => {
    const username = params.username.replace(/^@/, "");
    if (!isValidUsername(username)) {
      throw new RpcFailure(400, "USERNAME_INVALID");
    }
    const account = ctx.state.accounts.byUsername(username);
    const channel = account ? undefined : ctx.state.chats.byUsername(username);
    if (channel) {
      return {
        _: "contacts.resolvedPeer",
        peer: tlPeer(channel.key),
        chats: ctx.state.chatObjects([channel.key], ctx.self.id),
        users: [],
      };
    }
    if (!account) throw new RpcFailure(400, "USERNAME_NOT_OCCUPIED");
    return {
      _: "contacts.resolvedPeer",
      peer: { _: "peerUser", userId: account.id },
      chats: [],
      users: ctx.state.users([account.id], ctx.self.id),
    };
  }),
};
