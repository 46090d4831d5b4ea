/**
 * The control API's chat members: joining (or being added), leaving, and a
 * chat's members with their standing. Changes go through the world as the
 * accounts' own clients would make them (`channels.inviteToChannel`,
 * `messages.addChatUser`, `channels.editAdmin`, …), so service messages
 * and the bots' participant updates follow as on Telegram.
 */
import { RpcFailure } from "./contract.ts";
import {
  BadRequest,
  field,
  json,
  optionalNumber,
  readBody,
  type Route,
} from "./control_http.ts";
import { type Chat, isChannel, requireChat } from "./world/chats.ts";
import type { DeliveryContext } from "./world/emit.ts";
import { addChatMembers, joinChat, leaveChat } from "./world/members.ts";
import { editAdmin, editChatAdmin } from "./world/members_rights.ts";
import {
  fullAdminRights,
  type MemberStatus,
  memberStatus,
} from "./world/members_view.ts";
import { peerKind } from "./world/peer_keys.ts";
import type { World } from "./world/world.ts";

/** One user's standing in a chat. */
export interface ControlChatMember {
  id: number;
  status: MemberStatus;
}

/** A chat as `GET /chats/<id>` shows it: users who left, or were unbanned, are absent. */
export interface ControlChat {
  /** The marked id. */
  id: number;
  type: "group" | "supergroup" | "channel";
  title: string;
  members: ControlChatMember[];
}

/** The member actions of the control API. */
export interface MemberControl {
  /**
   * `user` joins the chat (a basic group as by an invite link), or is added
   * by the member `by`; with `admin`, the creator makes it an admin with
   * every right (a non-member of a supergroup or channel is added by that).
   */
  addChatMember(
    input: { chat: number; user: number; by?: number; admin?: boolean },
  ): ControlChatMember;
  /** `user` leaves the chat. */
  removeChatMember(input: { chat: number; user: number }): { ok: true };
  /** The chat with its members' standing, or undefined for no such chat. */
  chat(id: number): ControlChat | undefined;
}

/** The creator makes `userId` an admin with every right of the chat's type. */
function promoteFully(ctx: DeliveryContext, chat: Chat, userId: number): void {
  if (isChannel(chat)) {
    editAdmin(ctx, chat, {
      actorId: chat.creatorId,
      userId,
      rights: fullAdminRights(chat),
    });
  } else {
    editChatAdmin(ctx, chat, {
      actorId: chat.creatorId,
      userId,
      isAdmin: true,
    });
  }
}

/** The `MemberControl` of a world. */
export function createMemberControl(world: World): MemberControl {
  const ctx = (): DeliveryContext => ({
    state: world.state,
    sessions: world.sessions,
  });
  return {
    addChatMember({ chat: key, user, by, admin = false }) {
      const { state } = world;
      const chat = requireChat(state.chats, key);
      state.accounts.require(user);
      if (chat.members.has(user) && !admin) {
        throw new RpcFailure(400, "USER_ALREADY_PARTICIPANT");
      }
      if (!chat.members.has(user)) {
        if (by !== undefined) addChatMembers(ctx(), chat, by, [user]);
        // a supergroup's or channel's creator adds a non-member by promoting it
        else if (!(admin && isChannel(chat))) joinChat(ctx(), chat, user);
      }
      if (admin) promoteFully(ctx(), chat, user);
      return { id: user, status: memberStatus(chat, user)! };
    },
    removeChatMember({ chat: key, user }) {
      leaveChat(ctx(), requireChat(world.state.chats, key), user);
      return { ok: true };
    },
    chat(id) {
      const chat = world.state.chats.get(id);
      if (!chat) return undefined;
      const userIds = new Set([...chat.members.keys(), ...chat.banned.keys()]);
      return {
        id: chat.key,
        type: chat.type,
        title: chat.title,
        members: [...userIds].flatMap((userId) => {
          const status = memberStatus(chat, userId);
          return status ? [{ id: userId, status }] : [];
        }),
      };
    },
  };
}

/** A path segment as an id: `chat` must be a marked (negative) chat id, anything else a user id. */
export function pathId(
  params: Record<string, string>,
  name: string,
): number {
  const value = Number(params[name]);
  if (!Number.isSafeInteger(value) || value === 0) {
    throw new BadRequest(`${name} in the path must be an integer id`);
  }
  if ((name === "chat") !== (peerKind(value) !== "user")) {
    throw new BadRequest(
      name === "chat"
        ? `chat must be a marked (negative) chat id, not ${value}`
        : `${name} must be a user or bot id, not ${value}`,
    );
  }
  return value;
}

/** The member routes. */
export function memberRoutes(control: MemberControl): Record<string, Route> {
  return {
    "POST /chats/:chat/members": async (req, _url, params) => {
      const body = await readBody(req);
      const admin = body.admin;
      if (admin !== undefined && typeof admin !== "boolean") {
        throw new BadRequest("admin must be true or false");
      }
      return json(control.addChatMember({
        chat: pathId(params, "chat"),
        user: field(body, "user", "number"),
        by: optionalNumber(body, "by"),
        admin,
      }));
    },
    "DELETE /chats/:chat/members/:user": (_req, _url, params) =>
      json(control.removeChatMember({
        chat: pathId(params, "chat"),
        user: pathId(params, "user"),
      })),
    "GET /chats/:chat": (_req, _url, params) => {
      const chat = control.chat(pathId(params, "chat"));
      return chat ? json(chat) : json({ error: "no such chat" }, 404);
    },
  };
}
