/**
 * The control API's invite links and join requests: a user asks to join a
 * chat as its own client would (by a link that requires approval, or a
 * public supergroup with join requests on), so the admins' updates follow
 * as on Telegram; and a chat's links, its pending requests and whether it
 * takes join requests, as the world holds them.
 */
import { RpcFailure } from "./contract.ts";
import {
  BadRequest,
  field,
  json,
  optionalString,
  readBody,
  type Route,
} from "./control_http.ts";
import { pathId } from "./control_members.ts";
import { type Chat, requireChat } from "./world/chats.ts";
import type { DeliveryContext } from "./world/emit.ts";
import {
  hashOfLink,
  inviteLink,
  invitesOf,
  isUsable,
  type StoredInvite,
} from "./world/invites.ts";
import { describeInvites } from "./world/invites_links.ts";
import { fileJoinRequest } from "./world/invites_requests.ts";
import type { World } from "./world/world.ts";

/** One invite link as `GET /chats/<id>/invite-links` shows it. */
export type ControlInviteLink = ReturnType<typeof describeInvites>[number];

/** A chat's join requests as `GET /chats/<id>/join-requests` shows them. */
export interface ControlJoinRequests {
  /** Whether users joining the (public) supergroup directly must be approved. */
  enabled: boolean;
  /** Pending requests, oldest first; `link` is the one asked by, none for the chat's own join requests. */
  pending: { user: number; date: number; link?: string }[];
}

/** The invite actions of the control API. */
export interface InviteControl {
  /**
   * `user` asks to join the chat: by `link` (which must require approval),
   * else by the chat's own join requests when they are on, else by its
   * newest usable link that requires approval.
   */
  requestToJoin(input: { chat: number; user: number; link?: string }): {
    ok: true;
  };
  /** The chat's join requests. */
  joinRequests(chat: number): ControlJoinRequests;
  /** The chat's invite links, newest first. */
  inviteLinks(chat: number): ControlInviteLink[];
}

/** The link a request goes by: `link` if given, else none for a chat taking join requests, else its newest usable link that requires approval. */
function linkToAskBy(
  world: World,
  chat: Chat,
  link: string | undefined,
): StoredInvite | undefined {
  const invites = invitesOf(world.state);
  if (link !== undefined) {
    const invite = invites.byHash(hashOfLink(link));
    if (invite?.chatKey !== chat.key || !isUsable(invite)) {
      throw new BadRequest(`${link} is not a usable invite link of the chat`);
    }
    if (!invite.requestNeeded) {
      throw new BadRequest(
        `${link} does not require approval: add the user with POST /chats/<id>/members`,
      );
    }
    return invite;
  }
  if (invites.joinRequestsEnabled(chat.key)) return undefined;
  const invite = invites.ofChat(chat.key).find((invite) =>
    invite.requestNeeded && isUsable(invite)
  );
  if (!invite) {
    throw new BadRequest(
      "the chat takes no join requests: it has no usable link that requires approval, and its join requests are off",
    );
  }
  return invite;
}

/** The `InviteControl` of a world. */
export function createInviteControl(world: World): InviteControl {
  const ctx = (): DeliveryContext => ({
    state: world.state,
    sessions: world.sessions,
  });
  const chatOf = (key: number) => requireChat(world.state.chats, key);
  return {
    requestToJoin({ chat: key, user, link }) {
      const chat = chatOf(key);
      if (world.state.accounts.require(user).kind === "bot") {
        throw new RpcFailure(400, "USER_BOT");
      }
      fileJoinRequest(ctx(), chat, user, linkToAskBy(world, chat, link));
      return { ok: true };
    },
    joinRequests(key) {
      const chat = chatOf(key);
      const invites = invitesOf(world.state);
      return {
        enabled: invites.joinRequestsEnabled(chat.key),
        pending: invites.requests(chat.key).map((request) => {
          const invite = request.hash === undefined
            ? undefined
            : invites.byHash(request.hash);
          return {
            user: request.userId,
            date: request.date,
            link: invite && inviteLink(invite),
          };
        }),
      };
    },
    inviteLinks: (key) => describeInvites(world.state, chatOf(key)),
  };
}

/** The invite routes. */
export function inviteRoutes(control: InviteControl): Record<string, Route> {
  return {
    "POST /chats/:chat/join-requests": async (req, _url, params) => {
      const body = await readBody(req);
      return json(control.requestToJoin({
        chat: pathId(params, "chat"),
        user: field(body, "user", "number"),
        link: optionalString(body, "link"),
      }));
    },
    "GET /chats/:chat/join-requests": (_req, _url, params) =>
      json(control.joinRequests(pathId(params, "chat"))),
    "GET /chats/:chat/invite-links": (_req, _url, params) =>
      json(control.inviteLinks(pathId(params, "chat"))),
  };
}
