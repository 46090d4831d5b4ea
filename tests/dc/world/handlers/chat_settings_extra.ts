/** Anti-spam, hidden history and member list, discussion groups, default "send as", pinned chats, and the chat lists and counts that read them (see `chat_settings_extra.ts`, `dialog_pins.ts`); users only, as on Telegram. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../../contract.ts";
import {
  adminedPublicChannels,
  channelRecommendations,
  groupsForDiscussion,
  onlineCount,
  peerSettings,
  saveDefaultSendAs,
  setDiscussionGroup,
  toggleSupergroupSetting,
} from "../chat_settings_extra.ts";
import type { Chat } from "../chats.ts";
import { pinnedDialogs, toggleDialogPin } from "../dialog_pins.ts";
import { peerKind } from "../peer_keys.ts";
import { resolveChannel, resolvePeer } from "../peers.ts";
import type { WorldState } from "../state.ts";
import {
  type AuthorizedContext,
  type HandlerTable,
  usersOnly,
} from "./types.ts";

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

/** `messages.chats` of `chats` as `viewerId` sees them. */
function chatList(
  state: WorldState,
  chats: Chat[],
  viewerId: number,
): tl.messages.RawChats {
  return {
    _: "messages.chats",
    chats: state.chatObjects(chats.map((chat) => chat.key), viewerId),
  };
}

/** Handlers of the extra chat settings. */
export const chatSettingsExtraHandlers: HandlerTable = {
  "channels.toggleAntiSpam": usersOnly((ctx, params) =>
    toggleSupergroupSetting(
      ctx,
      channel(ctx, params.channel),
      ctx.self.id,
      "antispam",
      params.enabled,
    )
  ),
  "channels.togglePreHistoryHidden": usersOnly((ctx, params) =>
    toggleSupergroupSetting(
      ctx,
      channel(ctx, params.channel),
      ctx.self.id,
      "hiddenPrehistory",
      params.enabled,
    )
  ),
  "channels.toggleParticipantsHidden": usersOnly((ctx, params) =>
    toggleSupergroupSetting(
      ctx,
      channel(ctx, params.channel),
      ctx.self.id,
      "participantsHidden",
      params.enabled,
    )
  ),
  "channels.setDiscussionGroup": usersOnly((ctx, params) =>
    setDiscussionGroup(
      ctx,
      ctx.self.id,
      channel(ctx, params.broadcast),
      params.group._ === "inputChannelEmpty"
        ? undefined
        : channel(ctx, params.group),
    )
  ),
  "channels.getGroupsForDiscussion": usersOnly((ctx) =>
    chatList(
      ctx.state,
      groupsForDiscussion(ctx.state, ctx.self.id),
      ctx.self.id,
    )
  ),
  "channels.getAdminedPublicChannels": usersOnly((ctx, params) =>
    chatList(
      ctx.state,
      adminedPublicChannels(
        ctx.state,
        ctx.self.id,
        params.forPersonal === true,
      ),
      ctx.self.id,
    )
  ),
  "channels.getChannelRecommendations": usersOnly((ctx, params) =>
    chatList(
      ctx.state,
      channelRecommendations(
        ctx.state,
        ctx.self.id,
        params.channel ? channel(ctx, params.channel) : undefined,
      ),
      ctx.self.id,
    )
  ),
  "messages.getOnlines": usersOnly((ctx, params) => ({
    _: "chatOnlines",
    onlines: onlineCount(
      ctx.state,
      groupOrChannel(ctx, params.peer),
      ctx.self.id,
    ),
  })),
  "messages.getPeerSettings": usersOnly((ctx, params) => {
    const key = resolvePeer(ctx.state, ctx.self.id, params.peer);
    return {
      _: "messages.peerSettings",
      settings: peerSettings(ctx.state, ctx.self.id, key),
      chats: ctx.state.chatObjects([key], ctx.self.id),
      users: ctx.state.users(
        peerKind(key) === "user" ? [key] : [],
        ctx.self.id,
      ),
    };
  }),
  "messages.toggleDialogPin": usersOnly((ctx, params) => {
    if (params.peer._ !== "inputDialogPeer") {
      throw new RpcFailure(400, "PEER_ID_INVALID");
    }
    return toggleDialogPin(
      ctx,
      ctx.self.id,
      resolvePeer(ctx.state, ctx.self.id, params.peer.peer),
      params.pinned === true,
    );
  }),
  "messages.getPinnedDialogs": usersOnly((ctx, params) => {
    if (params.folderId !== 0 && params.folderId !== 1) {
      throw new RpcFailure(400, "FOLDER_ID_INVALID");
    }
    return pinnedDialogs(ctx.state, ctx.self.id, params.folderId);
  }),
  "messages.saveDefaultSendAs": usersOnly((ctx, params) =>
    saveDefaultSendAs(
      ctx.state,
      groupOrChannel(ctx, params.peer),
      ctx.self.id,
      resolvePeer(ctx.state, ctx.self.id, params.sendAs),
    )
  ),
};
