/** `contacts.*`: username resolution. */
import { RpcFailure } from "../../contract.ts";
import { isValidUsername } from "../accounts.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

/** Handlers of the `contacts` namespace. */
export const contactsHandlers: HandlerTable = {
  "contacts.resolveUsername": loggedIn((ctx, params) => {
    const username = params.username.replace(/^@/, "");
    if (!isValidUsername(username)) {
      throw new RpcFailure(400, "USERNAME_INVALID");
    }
    const account = ctx.state.accounts.byUsername(username);
    if (!account) throw new RpcFailure(400, "USERNAME_NOT_OCCUPIED");
    return {
      _: "contacts.resolvedPeer",
      peer: { _: "peerUser", userId: account.id },
      chats: [],
      users: ctx.state.users([account.id], ctx.self.id),
    };
  }),
};
