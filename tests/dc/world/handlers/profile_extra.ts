/** `account.updateBirthday`, `account.updatePersonalChannel`, `account.updateEmojiStatus` and `account.updateColor`. */
import { RpcFailure } from "../../contract.ts";
import { now } from "../emit.ts";
import { resolveChannel } from "../peers.ts";
import { checkBirthday, checkColor, extrasOf } from "../profile_extra.ts";
import { pushToOwnSessions } from "./profile.ts";
import { type HandlerTable, usersOnly } from "./types.ts";

/** Handlers of the profile methods beyond names and usernames. */
export const profileExtraHandlers: HandlerTable = {
  // an absent birthday removes it
  "account.updateBirthday": usersOnly((ctx, params) => {
    if (params.birthday) checkBirthday(params.birthday, new Date());
    extrasOf(ctx.self).birthday = params.birthday;
    return true;
  }),
  // inputChannelEmpty removes it; only a broadcast channel can be shown
  "account.updatePersonalChannel": usersOnly((ctx, params) => {
    const extras = extrasOf(ctx.self);
    if (params.channel._ === "inputChannelEmpty") {
      extras.personalChannelId = undefined;
      return true;
    }
    const chat = resolveChannel(ctx.state, ctx.self.id, params.channel);
    if (chat.type !== "channel") throw new RpcFailure(400, "CHANNEL_INVALID");
    extras.personalChannelId = chat.key;
    return true;
  }),
  "account.updateEmojiStatus": usersOnly((ctx, params) => {
    const status = params.emojiStatus;
    const extras = extrasOf(ctx.self);
    if (status._ === "emojiStatusEmpty") {
      extras.emojiStatus = undefined;
    } else if (status._ === "emojiStatus") {
      if (status.until !== undefined && status.until <= now()) {
        throw new RpcFailure(400, "EMOJI_STATUS_INVALID");
      }
      extras.emojiStatus = {
        documentId: status.documentId,
        until: status.until,
      };
    } else {
      // collectibles are star gifts, which this world has none of
      throw new RpcFailure(400, "COLLECTIBLE_INVALID");
    }
    pushToOwnSessions(ctx, ctx.self.id, {
      _: "updateUserEmojiStatus",
      userId: ctx.self.id,
      emojiStatus: status._ === "emojiStatus"
        ? status
        : { _: "emojiStatusEmpty" },
    });
    return true;
  }),
  // an absent color resets it to the default
  "account.updateColor": usersOnly((ctx, params) => {
    if (params.color) checkColor(params.color);
    const color = params.color?._ === "peerColor" ? params.color : undefined;
    const extras = extrasOf(ctx.self);
    if (params.forProfile) extras.profileColor = color;
    else extras.color = color;
    return true;
  }),
};
