/**
 * The control API's view of profiles (names, bio, usernames, contacts,
 * blocklists, online status) and the outside events that shape them:
 * a Fragment purchase giving a peer a collectible username, and a business
 * user connecting a bot to its account.
 */
import { RpcFailure } from "./contract.ts";
import {
  BadRequest,
  field,
  json,
  queryId,
  readBody,
  type Route,
} from "./control_http.ts";
import { isValidUsername } from "./world/accounts.ts";
import type { Presence } from "./world/contacts_book.ts";
import { peerKind } from "./world/peer_keys.ts";
import {
  controlExtras,
  type ControlProfileExtras,
} from "./control_profile_extra.ts";
import { connectBusinessBot } from "./world/profile_business.ts";
import {
  addCollectible,
  type HeldUsername,
  heldUsernames,
  type UsernameHolder,
} from "./world/profile_usernames.ts";
import type { World } from "./world/world.ts";

/** A contact as its owner saved it. */
export interface ControlContact {
  userId: number;
  firstName: string;
  lastName: string;
  phone: string;
  sharesPhone: boolean;
  /** The note's text. */
  note?: string;
}

/** A blocked peer (a user id or a marked chat id) and when it was blocked (Unix seconds). */
export interface ControlBlocked {
  peer: number;
  date: number;
}

/** An account's profile as the control API shows it. */
export interface ControlProfile {
  id: number;
  kind: "bot" | "user";
  firstName: string;
  lastName?: string;
  about?: string;
  /** Its usernames in display order (active first), the editable one included. */
  usernames: HeldUsername[];
  /** The user who owns the bot. */
  ownerId?: number;
  presence?: Presence;
  contacts: ControlContact[];
  blocked: ControlBlocked[];
  blockedFromStories: ControlBlocked[];
  /** Birthday, personal channel, emoji status and colors, once set (see `world/profile_extra.ts`). */
  extras?: ControlProfileExtras;
}

/** The profile parts of the control API. */
export interface ProfileControl {
  /** The profile of account `id`. */
  profile(id: number): ControlProfile;
  /** The usernames of an account or a supergroup/channel (marked id), in display order. */
  usernames(peer: number): HeldUsername[];
  /** Fragment assigns the collectible `username` to `peer` (an account or a supergroup/channel), active unless `active` is false. */
  assignUsername(
    input: { peer: number; username: string; active?: boolean },
  ): { usernames: HeldUsername[] };
  /** User `user` connects bot `bot` to its business account; the bot gets `updateBotBusinessConnect`. */
  connectBusinessBot(
    input: { user: number; bot: number; canReply?: boolean },
  ): { id: string };
}

const blockedList = (list: Map<number, number>): ControlBlocked[] =>
  [...list].map(([peer, date]) => ({ peer, date }));

/** The `ProfileControl` of a world. */
export function createProfileControl(world: World): ProfileControl {
  const holder = (peer: number): UsernameHolder => {
    const { state } = world;
    if (peerKind(peer) === "user") return state.accounts.require(peer);
    const chat = state.chats.get(peer);
    if (!chat || chat.type === "group") {
      throw new RpcFailure(400, "PEER_ID_INVALID");
    }
    return chat;
  };
  return {
    profile(id) {
      const account = world.state.accounts.require(id);
      return {
        id: account.id,
        kind: account.kind,
        firstName: account.firstName,
        lastName: account.lastName,
        about: account.about,
        usernames: heldUsernames(account),
        ownerId: account.ownerId,
        presence: account.presence,
        contacts: [...account.contacts].map(([userId, contact]) => ({
          userId,
          firstName: contact.firstName,
          lastName: contact.lastName,
          phone: contact.phone,
          sharesPhone: contact.sharesPhone,
          note: contact.note?.text,
        })),
        blocked: blockedList(account.blocked),
        blockedFromStories: blockedList(account.blockedFromStories),
        extras: account.extras && controlExtras(account.extras),
      };
    },
    usernames: (peer) => heldUsernames(holder(peer)),
    assignUsername({ peer, username, active = true }) {
      const { state } = world;
      const target = holder(peer);
      if (!isValidUsername(username)) {
        throw new RpcFailure(400, "USERNAME_INVALID");
      }
      if (
        state.accounts.holdsUsername(username) ||
        state.chats.holdsUsername(username)
      ) {
        throw new RpcFailure(400, "USERNAME_OCCUPIED");
      }
      addCollectible(target, username, active);
      return { usernames: heldUsernames(target) };
    },
    connectBusinessBot({ user, bot, canReply = true }) {
      const connection = connectBusinessBot(
        { state: world.state, sessions: world.sessions },
        { userId: user, botId: bot, dcId: world.dc.id, canReply },
      );
      return { id: connection.id };
    },
  };
}

/** `body[name]` if given, as a boolean. */
function optionalBoolean(
  body: Record<string, unknown>,
  name: string,
): boolean | undefined {
  const value = body[name];
  if (value !== undefined && typeof value !== "boolean") {
    throw new BadRequest(`${name} must be true or false`);
  }
  return value;
}

/** The HTTP routes of the profile parts (see README.md). */
export function profileRoutes(control: ProfileControl): Record<string, Route> {
  return {
    "GET /accounts": (_req, url) => json(control.profile(queryId(url, "id"))),
    "GET /usernames": (_req, url) =>
      json(control.usernames(queryId(url, "peer"))),
    "POST /usernames": async (req) => {
      const body = await readBody(req);
      return json(control.assignUsername({
        peer: field(body, "peer", "number"),
        username: field(body, "username", "string"),
        active: optionalBoolean(body, "active"),
      }));
    },
    "POST /business-connections": async (req) => {
      const body = await readBody(req);
      return json(control.connectBusinessBot({
        user: field(body, "user", "number"),
        bot: field(body, "bot", "number"),
        canReply: optionalBoolean(body, "canReply"),
      }));
    },
  };
}
