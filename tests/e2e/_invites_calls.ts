/** The invite tests' calls and checks (mtkruto_invites_test.ts): MTKruto's InviteLink and JoinRequest, the bot's and Alice's calls, the emulator's view of members and requests. */
import { assert, assertEquals } from "../assert.ts";
import type { ChatsWorld } from "./_chats_world.ts";
import { ok } from "./_chats_world.ts";
import { callMethod } from "./_dialect_calls.ts";

/** MTKruto's InviteLink (types.md §6.4). */
export interface InviteLink {
  inviteLink: string;
  creator: { id: number; isBot: boolean };
  requiresApproval: boolean;
  isRevoked: boolean;
  title?: string;
  expiresAt?: number;
  limit?: number;
  pendingJoinRequestCount?: number;
}

/** MTKruto's JoinRequest (types.md §6.3). */
export interface JoinRequest {
  chat: { id: number; type: string };
  from: { id: number; type?: string };
  date: number;
  bio?: string;
  inviteLink?: InviteLink;
}

/** The parts of ChatMemberUpdated (types.md §6.2) these tests look at. */
export interface ChatMemberUpdated {
  chat: { id: number };
  from: { id: number };
  newChatMember: { status: string; member: { id: number } };
  inviteLink?: InviteLink;
}

/** The calls and checks the tests make, bound to one world. */
export function actors(world: ChatsWorld) {
  const { gateway, userBase, dc } = world;
  const botBase = `/bot${world.bot.token}`;
  const post = (base: string, method: string, args: unknown[]) =>
    callMethod(gateway, base, method, args);
  return {
    botBase,
    /** Calls `method` on `base`; the answer whatever its status. */
    post,
    /** The bot's call, which must succeed. */
    bot: <T = unknown>(method: string, ...args: unknown[]) =>
      ok<T>(gateway, botBase, method, args),
    /** Alice's call, which must succeed. */
    alice: <T = unknown>(method: string, ...args: unknown[]) =>
      ok<T>(gateway, userBase, method, args),
    /** Fails unless `method` answers 400 of `errorType` with a message containing `text`. */
    async refused(
      base: string,
      method: string,
      args: unknown[],
      errorType: "input" | "rpc",
      text: string,
    ) {
      const answer = await post(base, method, args);
      assertEquals(
        [answer.status, answer.errorType],
        [400, errorType],
        `${method}: ${JSON.stringify(answer.body)}`,
      );
      assert(String(answer.body).includes(text), String(answer.body));
    },
    /** Each member's status in the chat, as the emulator has it. */
    async statuses(chatId: number): Promise<Record<number, string>> {
      const chat = await dc.control<
        { members: { id: number; status: string }[] }
      >(
        "GET",
        `/chats/${chatId}`,
      );
      return Object.fromEntries(chat.members.map((m) => [m.id, m.status]));
    },
    /** The chat's join requests, as the emulator has them. */
    joinRequests: (chatId: number) =>
      dc.control<
        { enabled: boolean; pending: { user: number; link?: string }[] }
      >("GET", `/chats/${chatId}/join-requests`),
    /** `user` asks to join `chatId` (by `link`, else as the chat takes requests). */
    requestToJoin: (chatId: number, user: number, link?: string) =>
      dc.control("POST", `/chats/${chatId}/join-requests`, { user, link }),
    /** Creates a user through the control API; its id. */
    async createUser(phone: string, firstName: string): Promise<number> {
      const { id } = await dc.control<{ id: number }>("POST", "/users", {
        phone,
        firstName,
      });
      return id;
    },
    /** Makes the bot an admin of `chatId` with every right. */
    promoteBot: (chatId: number) =>
      dc.control("POST", `/chats/${chatId}/members`, {
        user: world.bot.id,
        admin: true,
      }),
    /** The bot's next `joinRequest` from `userId` to `chatId`, its keys checked. */
    async joinRequest(chatId: number, userId: number): Promise<JoinRequest> {
      const update = await world.botUpdates.take(
        `joinRequest from ${userId} to ${chatId}`,
        (u) => {
          const request = u.joinRequest as JoinRequest | undefined;
          return u.type === "joinRequest" && request?.chat.id === chatId &&
            request.from.id === userId;
        },
      );
      return update.joinRequest as JoinRequest;
    },
    /** The bot's next `chatMember` about `userId` in `chatId` with the new status `status`. */
    async memberUpdate(
      chatId: number,
      userId: number,
      status: string,
    ): Promise<ChatMemberUpdated> {
      const update = await world.botUpdates.take(
        `chatMember ${userId} → ${status} in ${chatId}`,
        (u) => {
          const change = u.chatMember as ChatMemberUpdated | undefined;
          return u.type === "chatMember" && change?.chat.id === chatId &&
            change.newChatMember.member.id === userId &&
            change.newChatMember.status === status;
        },
      );
      return update.chatMember as ChatMemberUpdated;
    },
  };
}

/** InviteLink's keys in MTKruto's order, those in `optional` after the four it always has. */
export function inviteLinkKeys(...optional: string[]): string[] {
  return [
    "inviteLink",
    "creator",
    "requiresApproval",
    "isRevoked",
    ...optional,
  ];
}
