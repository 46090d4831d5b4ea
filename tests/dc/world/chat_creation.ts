/** Creating groups, supergroups and channels, with the service message Telegram starts each with. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Chat, ChatType } from "./chats.ts";
import { type DeliveryContext, sendMessages } from "./delivery.ts";
import { now } from "./emit.ts";
import { type ChatSettings, updateSettings } from "./chat_settings.ts";

/** What a new chat needs: its creator (a user) and the other members (users or bots). */
export interface ChatSetup {
  type: ChatType;
  title: string;
  creatorId: number;
  memberIds: number[];
  username?: string;
  /** Set before the creation message goes out (the description, a TTL, a forum). */
  settings?: Partial<ChatSettings>;
}

/** Creates the chat and posts its creation message (`messageActionChatCreate`, or `messageActionChannelCreate`), which members' sessions get pushed. */
export function createChat(ctx: DeliveryContext, setup: ChatSetup): Chat {
  return createChatWithUpdates(ctx, setup).chat;
}

/** `createChat`, also answering the creator's `updates` (the creation message), as `messages.createChat` and `channels.createChannel` do. */
export function createChatWithUpdates(
  ctx: DeliveryContext,
  setup: ChatSetup,
): { chat: Chat; updates: tl.RawUpdates } {
  const { state } = ctx;
  if (state.accounts.require(setup.creatorId).kind === "bot") {
    // bots cannot create chats on Telegram
    throw new RpcFailure(400, "BOT_METHOD_INVALID");
  }
  const members = setup.memberIds.map((id) => ({
    id,
    isBot: state.accounts.require(id).kind === "bot",
  }));
  const chat = state.chats.create(
    {
      type: setup.type,
      title: setup.title,
      creatorId: setup.creatorId,
      members,
      username: setup.username,
      date: now(),
    },
    (username) => state.accounts.holdsUsername(username),
  );
  if (setup.settings) updateSettings(chat, setup.settings);
  const action = setup.type === "group"
    ? {
      _: "messageActionChatCreate" as const,
      title: chat.title,
      users: [...chat.members.keys()],
    }
    : { _: "messageActionChannelCreate" as const, title: chat.title };
  const updates = sendMessages(ctx, {
    senderId: chat.creatorId,
    peerId: chat.key,
    messages: [{ content: { text: "", action } }],
  });
  return { chat, updates };
}
