/**
 * Chats (methods.md §B.5 and MTKruto 0.216's chat list methods): reading a
 * chat in full, the chat list and its archive, joining, leaving, opening and
 * closing chats, custom emoji. Creating and deleting chats is in
 * chat_creation.ts, the settings a chat's admins change in chat_admin.ts.
 */
import { Long, type tl } from "@mtcute/core";
import type { InputPeerLike } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import {
  isInputPeerChat,
  isInputPeerUser,
  toInputChannel,
  toInputUser,
} from "@mtcute/core/utils.js";
import { InputError } from "../../errors.ts";
import { resolveChatId } from "../params/chat_id.ts";
import {
  checkOpenChatParams,
  readCustomEmojiIds,
  toChatListQuery,
} from "../params/chats.ts";
import { renderDialogList } from "../render/dialogs.ts";
import { resolveStickerSetNames } from "../render/sticker_sets.ts";
import {
  renderChat,
  renderChatJoinResult,
  renderInactiveChats,
} from "../types/chat.ts";
import { renderSticker, stickerSetNameOf } from "../types/sticker.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { channelOf, chatIdsParam } from "./peers.ts";
import { chatIdParam, customParam, optionsParam } from "./params.ts";

/** The full user, group or channel behind a chat (`users.getFullUser`, `messages.getFullChat`, `channels.getFullChannel`). */
async function fullChatOf(
  client: TelegramClient,
  chatId: InputPeerLike,
): Promise<tl.users.RawUserFull | tl.messages.RawChatFull> {
  const peer = await client.resolvePeer(chatId);
  if (isInputPeerUser(peer)) {
    return await client.call({ _: "users.getFullUser", id: toInputUser(peer) });
  }
  if (isInputPeerChat(peer)) {
    return await client.call({
      _: "messages.getFullChat",
      chatId: peer.chatId,
    });
  }
  return await client.call({
    _: "channels.getFullChannel",
    channel: toInputChannel(peer),
  });
}

/** Moves chats to a peer folder (0 the main list, 1 the archive) with `folders.editPeerFolders`. */
async function moveToFolder(
  call: DialectCall,
  chatIds: InputPeerLike[],
  folderId: 0 | 1,
): Promise<null> {
  if (folderId === 1) await call.client.archiveChats(chatIds);
  else await call.client.unarchiveChats(chatIds);
  return null;
}

/** Chats mtcute's client opened with `openChat`, so `closeChat` can refuse others as MTKruto does. */
const openChats = new WeakMap<TelegramClient, Set<number>>();

/** The channel id `openChat`/`closeChat` keep track of. */
async function openedChannelId(
  call: DialectCall,
  chatId: InputPeerLike,
): Promise<number> {
  const channel = await channelOf(call, chatId);
  if (channel._ === "inputChannelEmpty") {
    throw new InputError("Chat not found.", 404);
  }
  return channel.channelId;
}

/** Custom emoji documents as Stickers, named by their ids; a set name only where MTKruto finds one (a sticker attribute's set). */
async function renderCustomEmoji(
  client: TelegramClient,
  documents: tl.TypeDocument[],
): Promise<unknown[]> {
  const found = documents.filter((document) => document._ === "document");
  // The set-name cache reads stickers out of messages: each document goes in a bare one.
  const carriers: tl.TypeMessage[] = found.map((document) => ({
    _: "message",
    id: 0,
    peerId: { _: "peerUser", userId: 0 },
    date: 0,
    message: "",
    media: { _: "messageMediaDocument", document },
  }));
  const names = await resolveStickerSetNames(client, carriers);
  return found.map((document) =>
    renderSticker(document, {
      customEmojiId: document.id.toString(),
      setName: stickerSetNameOf(document, names),
    })
  );
}

/** The chat methods. */
export const CHAT_METHODS: DialectMethod[] = [
  defineMethod(
    "getChat",
    "both",
    [chatIdParam()],
    "Chat",
    async (call, chatId) => renderChat(await fullChatOf(call.client, chatId)),
  ),
  defineMethod(
    "getChats",
    "user",
    [optionsParam("GetChatsParams")],
    "ChatListItem[]",
    async (call, params) => {
      const query = toChatListQuery(params, "params");
      const offsetPeer: tl.TypeInputPeer = query.after
        ? await call.client.resolvePeer(
          await resolveChatId(call.client, query.after.chatId),
        )
        : { _: "inputPeerEmpty" };
      const result = await call.client.call({
        _: "messages.getDialogs",
        folderId: query.folderId,
        offsetDate: query.after?.date ?? 0,
        offsetId: query.after?.messageId ?? 0,
        offsetPeer,
        limit: query.limit,
        hash: Long.ZERO,
      });
      // Hash 0 always gets the list; "not modified" has nothing to list.
      if (result._ === "messages.dialogsNotModified") return [];
      return await renderDialogList(call.client, result);
    },
  ),
  defineMethod(
    "getInactiveChats",
    "user",
    [],
    "InactiveChat[]",
    async (call) =>
      renderInactiveChats(
        await call.client.call({ _: "channels.getInactiveChannels" }),
      ),
  ),
  defineMethod(
    "getCustomEmojiStickers",
    "both",
    [customParam("id", "string | string[]", readCustomEmojiIds)],
    "Sticker[]",
    async (call, ids) => {
      if (ids.length === 0) return [];
      const documents = await call.client.call({
        _: "messages.getCustomEmojiDocuments",
        documentId: ids.map((id) => Long.fromString(id)),
      });
      return await renderCustomEmoji(call.client, documents);
    },
  ),
  defineMethod(
    "joinChat",
    "user",
    [chatIdParam()],
    "ChatJoinResult",
    async (call, chatId) => {
      const peer = await call.client.resolvePeer(chatId);
      if (isInputPeerUser(peer)) {
        throw new InputError("Cannot join private chats.");
      }
      if (isInputPeerChat(peer)) {
        // A basic group takes back a member who left by adding itself.
        const { updates } = await call.client.call({
          _: "messages.addChatUser",
          chatId: peer.chatId,
          userId: { _: "inputUserSelf" },
          fwdLimit: 0,
        });
        call.client.handleClientUpdate(updates);
        return { type: "joined" };
      }
      const result = await call.client.call({
        _: "channels.joinChannel",
        channel: toInputChannel(peer),
      });
      if (result._ === "messages.chatInviteJoinResultOk") {
        call.client.handleClientUpdate(result.updates);
      }
      return renderChatJoinResult(result);
    },
  ),
  defineMethod(
    "leaveChat",
    "both",
    [chatIdParam()],
    "void",
    async (call, chatId) => {
      const peer = await call.client.resolvePeer(chatId);
      if (isInputPeerUser(peer)) {
        throw new InputError("Cannot leave private chats.");
      }
      await call.client.leaveChat(peer);
      return null;
    },
  ),
  defineMethod(
    "openChat",
    "both",
    [chatIdParam(), optionsParam("OpenChatParams")],
    "void",
    async (call, chatId, params) => {
      checkOpenChatParams(params, "params");
      const channelId = await openedChannelId(call, chatId);
      let open = openChats.get(call.client);
      if (!open) openChats.set(call.client, open = new Set());
      // MTKruto opens a chat once; a second openChat changes nothing.
      if (open.has(channelId)) return null;
      await call.client.openChat(chatId);
      open.add(channelId);
      return null;
    },
  ),
  defineMethod(
    "closeChat",
    "both",
    [chatIdParam()],
    "void",
    async (call, chatId) => {
      const channelId = await openedChannelId(call, chatId);
      const open = openChats.get(call.client);
      if (!open?.has(channelId)) throw new InputError("Chat not open.");
      await call.client.closeChat(chatId);
      open.delete(channelId);
      return null;
    },
  ),
  defineMethod(
    "archiveChat",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => moveToFolder(call, [chatId], 1),
  ),
  defineMethod(
    "archiveChats",
    "user",
    [chatIdsParam("chatIds")],
    "void",
    (call, chatIds) => moveToFolder(call, chatIds, 1),
  ),
  defineMethod(
    "unarchiveChat",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => moveToFolder(call, [chatId], 0),
  ),
  defineMethod(
    "unarchiveChats",
    "user",
    [chatIdsParam("chatIds")],
    "void",
    (call, chatIds) => moveToFolder(call, chatIds, 0),
  ),
];
