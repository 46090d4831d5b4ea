/**
 * Chat settings and chat lists beyond chats.ts and chat_admin.ts (MTKruto
 * 0.216, all user-only): anti-spam, history for new members, the member
 * list, a channel's discussion chat, the default "send as" chat; and the
 * lists and counts that read chats (discussion suggestions, administered
 * chats, pinned chats, similar channels, a chat's settings, online members).
 */
import type { tl } from "@mtcute/core";
import type { InputPeerLike } from "@mtcute/core";
import { optionalBoolean, readEnum } from "../params/read.ts";
import { renderDialogList } from "../render/dialogs.ts";
import { renderChatSettings } from "../types/chat_settings.ts";
import { type ChatP, renderChatP } from "../types/peers.ts";
import type { DialectCall, DialectMethod, Param } from "./define.ts";
import { defineMethod } from "./define.ts";
import { channelOf } from "./peers.ts";
import { chatIdParam, optionsParam } from "./params.ts";

/** The supergroup toggles, each `channels.toggle…` call with its `enabled` flag. */
type ChannelToggle =
  | "channels.toggleAntiSpam"
  | "channels.togglePreHistoryHidden"
  | "channels.toggleParticipantsHidden";

/** Calls a supergroup toggle and hands its updates to the client. */
async function toggle(
  call: DialectCall,
  chatId: InputPeerLike,
  method: ChannelToggle,
  enabled: boolean,
): Promise<null> {
  const channel = await channelOf(call, chatId);
  call.client.handleClientUpdate(
    await call.client.call({ _: method, channel, enabled }),
  );
  return null;
}

/** A method that flips a supergroup toggle; `enabled` is the TL flag it sends. */
function toggleMethod(
  name: string,
  method: ChannelToggle,
  enabled: boolean,
): DialectMethod {
  return defineMethod(
    name,
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => toggle(call, chatId, method, enabled),
  );
}

/** The ChatPs of a `messages.chats` answer (`messages.chatsSlice` too). */
function chatsOf(result: tl.messages.TypeChats): ChatP[] {
  return result.chats.map(renderChatP);
}

/** getPinnedChats' optional chat list: "main" (folder 0) or "archived" (folder 1). */
const chatListParam: Param<"archived" | "main"> = {
  name: "from",
  type: "ChatListName",
  optional: true,
  fallback: () => "main",
  read: (value, path) => readEnum(value, path, ["archived", "main"]),
};

/** The chat settings methods. */
export const CHAT_SETTINGS_METHODS: DialectMethod[] = [
  toggleMethod("enableAntispam", "channels.toggleAntiSpam", true),
  toggleMethod("disableAntispam", "channels.toggleAntiSpam", false),
  // The TL flag hides the history: enabling it for new members clears it.
  toggleMethod(
    "enableChatHistoryForNewMembers",
    "channels.togglePreHistoryHidden",
    false,
  ),
  toggleMethod(
    "disableChatHistoryForNewMembers",
    "channels.togglePreHistoryHidden",
    true,
  ),
  toggleMethod("showMemberList", "channels.toggleParticipantsHidden", false),
  toggleMethod("hideMemberList", "channels.toggleParticipantsHidden", true),
  defineMethod(
    "setDiscussionChat",
    "user",
    [chatIdParam(), chatIdParam("discussionChatId")],
    "void",
    async (call, chatId, discussionChatId) => {
      const [broadcast, group] = await Promise.all([
        channelOf(call, chatId),
        channelOf(call, discussionChatId),
      ]);
      await call.client.call({
        _: "channels.setDiscussionGroup",
        broadcast,
        group,
      });
      return null;
    },
  ),
  defineMethod(
    "getDiscussionChatSuggestions",
    "user",
    [],
    "ChatP[]",
    async (call) =>
      chatsOf(await call.client.call({ _: "channels.getGroupsForDiscussion" })),
  ),
  defineMethod(
    "getAdministeredChats",
    "user",
    [optionsParam("GetAdministeredChatsParams")],
    "ChatP[]",
    async (call, params) =>
      chatsOf(
        await call.client.call({
          _: "channels.getAdminedPublicChannels",
          forPersonal:
            optionalBoolean(params, "isForPersonalChannel", "params") ||
            undefined,
        }),
      ),
  ),
  defineMethod(
    "getPinnedChats",
    "user",
    [chatListParam],
    "ChatListItem[]",
    async (call, from) =>
      await renderDialogList(
        call.client,
        await call.client.call({
          _: "messages.getPinnedDialogs",
          folderId: from === "archived" ? 1 : 0,
        }),
      ),
  ),
  defineMethod(
    "getChatSettings",
    "user",
    [chatIdParam()],
    "ChatSettings",
    async (call, chatId) =>
      renderChatSettings(
        await call.client.call({
          _: "messages.getPeerSettings",
          peer: await call.client.resolvePeer(chatId),
        }),
      ),
  ),
  defineMethod(
    "getOnlineCount",
    "user",
    [chatIdParam()],
    "number",
    async (call, chatId) => {
      const result = await call.client.call({
        _: "messages.getOnlines",
        peer: await call.client.resolvePeer(chatId),
      });
      return result.onlines;
    },
  ),
  defineMethod(
    "getSimilarChannels",
    "user",
    [chatIdParam()],
    "ChatPChannel[]",
    async (call, chatId) => {
      const result = await call.client.call({
        _: "channels.getChannelRecommendations",
        channel: await channelOf(call, chatId),
      });
      return chatsOf(result).filter((chat) => chat.type === "channel");
    },
  ),
  defineMethod(
    "setDefaultSendAs",
    "user",
    [chatIdParam(), chatIdParam("sendAs")],
    "void",
    async (call, chatId, sendAs) => {
      const [peer, sendAsPeer] = await Promise.all([
        call.client.resolvePeer(chatId),
        call.client.resolvePeer(sendAs),
      ]);
      await call.client.call({
        _: "messages.saveDefaultSendAs",
        peer,
        sendAs: sendAsPeer,
      });
      return null;
    },
  ),
];
