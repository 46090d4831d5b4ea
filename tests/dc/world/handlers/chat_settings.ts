/** What admins change in a chat: title, photo, description, sticker set, slow mode, signatures, content protection, boosts, TTL; deleting it (see `chat_edits.ts`). */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import { deleteChat } from "../chat_deletion.ts";
import {
  editAbout,
  editPhoto,
  editTitle,
  setHistoryTtl,
  setStickerSet,
  setUnrestrictBoosts,
  toggleNoForwards,
  toggleSignatures,
  toggleSlowMode,
} from "../chat_edits.ts";
import type { Chat } from "../chats.ts";
import { sendMessages } from "../delivery.ts";
import { groupKey, peerKind } from "../peer_keys.ts";
import { resolveChannel, resolvePeer } from "../peers.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  loggedIn,
  usersOnly,
} from "./types.ts";

/** The basic group `chatId` names (`CHAT_ID_INVALID` if there is none). */
function group(ctx: AuthorizedContext, chatId: number): Chat {
  const chat = ctx.state.chats.get(groupKey(chatId));
  if (!chat) throw new RpcFailure(400, "CHAT_ID_INVALID");
  return chat;
}

/** The supergroup or channel an `InputChannel` names. */
function channel(ctx: AuthorizedContext, input: tl.TypeInputChannel): Chat {
  return resolveChannel(ctx.state, ctx.self.id, input);
}

/** The group or channel an `InputPeer` names; a private chat is `PEER_ID_INVALID`. */
function groupOrChannel(ctx: AuthorizedContext, input: tl.TypeInputPeer): Chat {
  const key = resolvePeer(ctx.state, ctx.self.id, input);
  const chat = peerKind(key) === "user" ? undefined : ctx.state.chats.get(key);
  if (!chat) throw new RpcFailure(400, "PEER_ID_INVALID");
  return chat;
}

/** Handlers that change a chat's settings. */
export const chatSettingsHandlers: HandlerTable = {
  "messages.editChatTitle": loggedIn((ctx, params) =>
    editTitle(ctx, group(ctx, params.chatId), ctx.self.id, params.title)
  ),
  "channels.editTitle": loggedIn((ctx, params) =>
    editTitle(ctx, channel(ctx, params.channel), ctx.self.id, params.title)
  ),
  "messages.editChatPhoto": loggedIn((ctx, params) =>
    editPhoto(ctx, group(ctx, params.chatId), ctx.self.id, params.photo)
  ),
  "channels.editPhoto": loggedIn((ctx, params) =>
    editPhoto(ctx, channel(ctx, params.channel), ctx.self.id, params.photo)
  ),
  "messages.editChatAbout": loggedIn((ctx, params) =>
    editAbout(ctx, groupOrChannel(ctx, params.peer), ctx.self.id, params.about)
  ),
  "channels.setStickers": loggedIn((ctx, params) =>
    setStickerSet(
      ctx,
      channel(ctx, params.channel),
      ctx.self.id,
      params.stickerset,
    )
  ),
  "channels.toggleSlowMode": usersOnly((ctx, params) =>
    toggleSlowMode(
      ctx,
      channel(ctx, params.channel),
      ctx.self.id,
      params.seconds,
    )
  ),
  "channels.setBoostsToUnblockRestrictions": usersOnly((ctx, params) =>
    setUnrestrictBoosts(
      ctx,
      channel(ctx, params.channel),
      ctx.self.id,
      params.boosts,
    )
  ),
  "channels.toggleSignatures": usersOnly((ctx, params) =>
    toggleSignatures(ctx, channel(ctx, params.channel), ctx.self.id, {
      signatures: params.signaturesEnabled === true,
      profiles: params.profilesEnabled === true,
    })
  ),
  "messages.toggleNoForwards": usersOnly((ctx, params) =>
    toggleNoForwards(
      ctx,
      groupOrChannel(ctx, params.peer),
      ctx.self.id,
      params.enabled,
    )
  ),
  "messages.setHistoryTTL": usersOnly((ctx, params) => {
    const key = resolvePeer(ctx.state, ctx.self.id, params.peer);
    if (peerKind(key) !== "user") {
      return setHistoryTtl(
        ctx,
        groupOrChannel(ctx, params.peer),
        ctx.self.id,
        params.period,
      );
    }
    // a private chat's TTL is not kept: both sides just see the service message
    if (params.period < 0) throw new RpcFailure(400, "TTL_PERIOD_INVALID");
    return sendMessages(ctx, {
      senderId: ctx.self.id,
      peerId: key,
      messages: [{
        content: {
          text: "",
          action: { _: "messageActionSetMessagesTTL", period: params.period },
        },
      }],
    });
  }),
  "messages.deleteChat": usersOnly((ctx, params) => {
    // the answer is a Bool: the caller's sessions learn of it as the others do
    deleteChat(
      { ...ctx, caller: undefined },
      group(ctx, params.chatId),
      ctx.self.id,
    );
    return true;
  }),
  "channels.deleteChannel": usersOnly((ctx, params) =>
    deleteChat(ctx, channel(ctx, params.channel), ctx.self.id)
  ),
};
