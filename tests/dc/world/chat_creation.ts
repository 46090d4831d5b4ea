/** Creating groups, supergroups and channels, with the service message Telegram starts each with. */
import { RpcFailure } from "../contract.ts";
import type { Chat, ChatType } from "./chats.ts";
import { type DeliveryContext, sendMessages } from "./delivery.ts";
import { now } from "./emit.ts";

/** What a new chat needs: its creator (a user) and the other members (users or bots). */
export interface ChatSetup {
  type: ChatType;
  title: string;
  creatorId: number;
  memberIds: number[];
  username?: string;
}

/** Creates the chat and posts its creation message (`messageActionChatCreate`, or `messageActionChannelCreate`), which members' sessions get pushed. */
export function createChat(ctx: DeliveryContext, setup: ChatSetup): Chat {
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
    (username) => state.accounts.byUsername(username) !== undefined,
  );
  const action = setup.type === "group"
    ? {
      _: "messageActionChatCreate" as const,
      title: chat.title,
      users: [...chat.members.keys()],
    }
    : { _: "messageActionChannelCreate" as const, title: chat.title };
  sendMessages(ctx, {
    senderId: chat.creatorId,
    peerId: chat.key,
    messages: [{ content: { text: "", action } }],
  });
  return chat;
}
