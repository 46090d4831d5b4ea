/** Chat lists (messages.getDialogs, messages.getPinnedDialogs) as MTKruto's ChatListItems, their top messages rendered. */
import { PeersIndex, type tl } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import {
  type ChatListItem,
  renderChatListItem,
} from "../types/chat_list_item.ts";
import { renderRawMessages } from "./messages.ts";

/** ChatListItems of a dialog list, with their top messages rendered. */
export async function renderDialogList(
  client: TelegramClient,
  result:
    | tl.messages.RawPeerDialogs
    | tl.messages.RawDialogs
    | tl.messages.RawDialogsSlice,
): Promise<ChatListItem[]> {
  const peers = PeersIndex.from(result);
  const rendered = await renderRawMessages(
    client,
    result.messages.map((raw) => ({ raw, peers })),
  );
  const lastMessages = new Map(
    rendered.map((message) => [`${message.chat.id}:${message.id}`, message]),
  );
  return result.dialogs.map((dialog) =>
    renderChatListItem(dialog, peers, lastMessages)
  );
}
