/** The emulator's control API: set up the world and look into it, in-process (`Control`) or over HTTP. */
import { Long } from "@mtcute/core";
import { RpcFailure } from "./contract.ts";
import {
  BadRequest,
  field,
  json,
  optionalNumber,
  optionalString,
  queryId,
  readBody,
  type Route,
  serveRoutes,
} from "./control_http.ts";
import {
  type BotControl,
  botRoutes,
  createBotControl,
} from "./control_bots.ts";
import { type ControlMedia, controlMedia } from "./control_media.ts";
import {
  createReactionControl,
  type ReactionControl,
  reactionRoutes,
} from "./control_reactions.ts";
import {
  type BotInfoControl,
  botInfoRoutes,
  createBotInfoControl,
} from "./control_bot_info.ts";
import {
  createPaymentControl,
  type PaymentControl,
  paymentRoutes,
} from "./control_payments.ts";
import {
  createProfileControl,
  type ProfileControl,
  profileRoutes,
} from "./control_profile.ts";
import {
  createMemberControl,
  type MemberControl,
  memberRoutes,
} from "./control_members.ts";
import {
  type ChatInfoControl,
  chatInfoRoutes,
  createChatInfoControl,
} from "./control_chat_info.ts";
import {
  createForumControl,
  type ForumControl,
  forumRoutes,
} from "./control_forum.ts";
import {
  createMessagesExtraControl,
  type MessagesExtraControl,
  messagesExtraRoutes,
} from "./control_messages_extra.ts";
import {
  createInviteControl,
  type InviteControl,
  inviteRoutes,
} from "./control_invites.ts";
import {
  createStoryControl,
  type StoryControl,
  storyRoutes,
} from "./control_stories.ts";
import {
  createStickerControl,
  type StickerControl,
  stickerRoutes,
} from "./control_stickers.ts";
import { normalizePhone } from "./world/accounts.ts";
import { createChat } from "./world/chat_creation.ts";
import { type ChatType, requireChat } from "./world/chats.ts";
import { deleteMessages, sendMessages } from "./world/delivery.ts";
import { deleteChannelMessages } from "./world/channels.ts";
import { type FaultRule, parseFaultRule } from "./world/faults.ts";
import type { BoxMessage } from "./world/mailboxes.ts";
import { peerKind } from "./world/peer_keys.ts";
import { messageInChat } from "./world/peers.ts";
import { tlToJson } from "./tl_json.ts";
import { createPasswordVerifier } from "./world/srp.ts";
import type { World } from "./world/world.ts";

/** A message as the control API shows it. */
export interface ControlMessage {
  /** The id in the queried user's box (the channel's box for supergroups and channels). */
  id: number;
  from: number;
  /** The recipient of a private message, or the chat's marked id. */
  to: number;
  text: string;
  /** Unix seconds. */
  date: number;
  editDate?: number;
  replyToId?: number;
  forwardedFrom?: number;
  media?: ControlMedia;
  /** The bot a message was sent via (inline mode). */
  viaBot?: number;
  /** Shared by an album's messages (a decimal long). */
  groupedId?: string;
  /** TL-ish JSON (see `tl_json.ts`). */
  entities?: unknown[];
  replyMarkup?: unknown;
  /** A service message's action constructor, e.g. `messageActionPinMessage`. */
  action?: string;
  pinned?: boolean;
  /** A broadcast channel post (clients see no sender). */
  post?: boolean;
}

/** What `POST /messages` answers. */
export interface SentMessage {
  /** The id in the sender's box (the channel's box for supergroups and channels). */
  id: number;
  /** The id in the recipient's box (private chats). */
  recipientMessageId?: number;
  /** Each other member's id of its copy (basic groups). */
  memberMessageIds?: Record<string, number>;
}

/** The control API as an object. */
export interface Control
  extends
    BotControl,
    ReactionControl,
    BotInfoControl,
    PaymentControl,
    ProfileControl,
    MemberControl,
    ChatInfoControl,
    ForumControl,
    StoryControl,
    StickerControl,
    MessagesExtraControl,
    InviteControl {
  /** Creates a bot with a fresh token; `owner` is the user who created it (with BotFather). */
  createBot(
    input: { username: string; firstName?: string; owner?: number },
  ): { id: number; token: string };
  /** Creates a user, optionally with a 2FA password (and its hint). */
  createUser(
    input: {
      phone: string;
      firstName: string;
      username?: string;
      password?: string;
      passwordHint?: string;
    },
  ): Promise<{ id: number }>;
  /** Creates a group, supergroup or channel; `id` is its marked id (−chat_id, or −1000000000000 − channel_id). */
  createChat(
    input: {
      type: ChatType;
      title: string;
      creator: number;
      members: number[];
      username?: string;
    },
  ): { id: number };
  /** Sends a text message as `from`'s own client would, to the user `to` or the chat `chat` (a marked id), optionally replying to a message of that chat in `from`'s box. */
  sendMessage(
    input: {
      from: number;
      to?: number;
      chat?: number;
      text: string;
      replyTo?: number;
    },
  ): SentMessage;
  /**
   * Deletes messages as `from`'s own client would (`messages.deleteMessages`,
   * revoking for everyone unless `revoke` is false; for a supergroup or
   * channel `chat`, `channels.deleteMessages`). `ids` are in `from`'s box
   * (the channel's for supergroups and channels).
   */
  deleteMessages(
    input: { from: number; chat?: number; ids: number[]; revoke?: boolean },
  ): { deleted: number };
  /** The chat of `user` with `peer` (a user id or a marked chat id), as `user` sees it, oldest first. */
  messages(query: { user: number; peer: number }): ControlMessage[];
  /** The media bytes of a message in `user`'s box. */
  file(
    query: { user: number; message: number },
  ): { bytes: Uint8Array; mimeType: string } | undefined;
  /** The last login code sent to `phone`. */
  loginCode(phone: string): string | undefined;
  /** API methods the account's sessions called, in order. */
  calls(accountId: number): string[];
  addFault(rule: FaultRule): void;
  faults(): FaultRule[];
  clearFaults(): void;
  /** Wipes the world. */
  reset(): void;
}

/** A box copy as the control API shows it to `viewerId`. */
export function toControlMessage(
  message: BoxMessage,
  viewerId: number,
): ControlMessage {
  const isPrivate = peerKind(message.peerId) === "user";
  return {
    id: message.id,
    from: message.senderId,
    to: !isPrivate || message.senderId === message.ownerId
      ? message.peerId
      : message.ownerId,
    text: message.text,
    date: message.date,
    editDate: message.editDate,
    replyToId: message.replyToId,
    forwardedFrom: message.forwardOrigin?.fromId,
    media: message.media && controlMedia(message.media, viewerId),
    viaBot: message.viaBotId,
    groupedId: message.groupedId?.toString(),
    entities: message.entities && tlToJson(message.entities) as unknown[],
    replyMarkup: message.replyMarkup && tlToJson(message.replyMarkup),
    action: message.action?._,
    pinned: message.pinned,
    post: message.post,
  };
}

/** The box `user` sees the chat `peer` in: the channel's own for supergroups and channels, the user's otherwise. */
function boxOwner(user: number, peer: number): number {
  return peerKind(peer) === "channel" ? peer : user;
}

/** The `Control` of a world. */
export function createControl(world: World): Control {
  return {
    ...createBotControl(world),
    ...createReactionControl(world),
    ...createBotInfoControl(world),
    ...createPaymentControl(world),
    ...createProfileControl(world),
    ...createMemberControl(world),
    ...createChatInfoControl(world),
    ...createForumControl(world),
    ...createStoryControl(world),
    ...createStickerControl(world),
    ...createMessagesExtraControl(world),
    ...createInviteControl(world),
    createBot({ owner, ...rest }) {
      const bot = world.state.accounts.createBot({ ...rest, ownerId: owner });
      return { id: bot.id, token: bot.botToken! };
    },
    async createUser({ password, passwordHint, ...rest }) {
      const verifier = password === undefined
        ? undefined
        : await createPasswordVerifier(password, passwordHint);
      return {
        id: world.state.accounts.createUser({ ...rest, password: verifier }).id,
      };
    },
    createChat({ type, title, creator, members, username }) {
      const chat = createChat(
        { state: world.state, sessions: world.sessions },
        {
          type,
          title,
          creatorId: creator,
          memberIds: members,
          username,
        },
      );
      return { id: chat.key };
    },
    sendMessage({ from, to, chat, text, replyTo }) {
      const { state } = world;
      state.accounts.require(from);
      const peerId = chat ?? to;
      if (peerId === undefined || (chat !== undefined && to !== undefined)) {
        throw new RpcFailure(400, "PEER_ID_INVALID");
      }
      if (chat === undefined) state.accounts.require(peerId);
      else requireChat(state.chats, chat);
      if (!text.trim()) throw new RpcFailure(400, "MESSAGE_EMPTY");
      if (
        replyTo !== undefined && !messageInChat(state, from, peerId, replyTo)
      ) {
        throw new RpcFailure(400, "MESSAGE_ID_INVALID");
      }
      const result = sendMessages({ state, sessions: world.sessions }, {
        senderId: from,
        peerId,
        messages: [{ content: { text }, replyToId: replyTo }],
      });
      const id =
        result.updates.flatMap((u) =>
          u._ === "updateNewMessage" || u._ === "updateNewChannelMessage"
            ? [u.message.id]
            : []
        )[0];
      const sent = state.mailboxes.get(boxOwner(from, peerId), id)!;
      const others = state.mailboxes.copies(sent).filter((copy) =>
        copy.ownerId !== from
      );
      if (peerKind(peerId) === "group") {
        return {
          id,
          memberMessageIds: Object.fromEntries(
            others.map((copy) => [String(copy.ownerId), copy.id]),
          ),
        };
      }
      return {
        id,
        recipientMessageId: to === undefined ? undefined : others[0]?.id,
      };
    },
    deleteMessages({ from, chat, ids, revoke = true }) {
      const { state } = world;
      state.accounts.require(from);
      const ctx = { state, sessions: world.sessions };
      const affected = chat !== undefined && peerKind(chat) === "channel"
        ? deleteChannelMessages(ctx, {
          deleterId: from,
          chat: requireChat(state.chats, chat),
          ids,
        })
        : deleteMessages(ctx, { ownerId: from, ids, revoke });
      return { deleted: affected.ptsCount };
    },
    messages({ user, peer }) {
      return world.state.mailboxes.chat(boxOwner(user, peer), peer).map(
        (message) => toControlMessage(message, user),
      );
    },
    file({ user, message }) {
      // a channel's files are asked for by the channel's marked id as `user`
      const media = world.state.mailboxes.get(user, message)?.media;
      const ref = media?._ === "messageMediaDocument"
        ? media.document
        : media?._ === "messageMediaPhoto"
        ? media.photo
        : undefined;
      if (!ref || (ref._ !== "document" && ref._ !== "photo")) return undefined;
      const stored = world.state.files.byId(Long.fromValue(ref.id));
      return stored && { bytes: stored.bytes, mimeType: stored.mimeType };
    },
    loginCode: (phone) => world.state.logins.lastCode(normalizePhone(phone)),
    calls: (accountId) => world.state.calls.of(accountId),
    addFault: (rule) => world.state.faults.add(parseFaultRule(rule)),
    faults: () => world.state.faults.list(),
    clearFaults: () => world.state.faults.clear(),
    reset: () => world.reset(),
  };
}

const CHAT_TYPES: readonly ChatType[] = ["group", "supergroup", "channel"];

function chatType(source: Record<string, unknown>): ChatType {
  const type = source.type;
  if (!CHAT_TYPES.includes(type as ChatType)) {
    throw new BadRequest(
      `type must be one of ${CHAT_TYPES.join(", ")}, not ${
        JSON.stringify(type)
      }`,
    );
  }
  return type as ChatType;
}

function idList(source: Record<string, unknown>, name: string): number[] {
  const value = source[name] ?? [];
  if (
    !Array.isArray(value) ||
    !value.every((id) => Number.isSafeInteger(id) && id > 0)
  ) {
    throw new BadRequest(`${name} must be an array of user or bot ids`);
  }
  return value;
}

function routes(control: Control): Record<string, Route> {
  return {
    ...botRoutes(control),
    ...reactionRoutes(control),
    ...botInfoRoutes(control),
    ...paymentRoutes(control),
    ...profileRoutes(control),
    ...memberRoutes(control),
    ...chatInfoRoutes(control),
    ...forumRoutes(control),
    ...storyRoutes(control),
    ...stickerRoutes(control),
    ...messagesExtraRoutes(control),
    ...inviteRoutes(control),
    "POST /bots": async (req) => {
      const body = await readBody(req);
      return json(
        control.createBot({
          username: field(body, "username", "string"),
          firstName: optionalString(body, "firstName"),
          owner: optionalNumber(body, "owner"),
        }),
      );
    },
    "POST /users": async (req) => {
      const body = await readBody(req);
      return json(
        await control.createUser({
          phone: field(body, "phone", "string"),
          firstName: field(body, "firstName", "string"),
          username: optionalString(body, "username"),
          password: optionalString(body, "password"),
          passwordHint: optionalString(body, "passwordHint"),
        }),
      );
    },
    "POST /chats": async (req) => {
      const body = await readBody(req);
      const type = chatType(body);
      const username = optionalString(body, "username");
      if (type === "group" && username !== undefined) {
        throw new BadRequest("username is only for supergroups and channels");
      }
      return json(control.createChat({
        type,
        title: field(body, "title", "string"),
        creator: field(body, "creator", "number"),
        members: idList(body, "members"),
        username,
      }));
    },
    "POST /messages": async (req) => {
      const body = await readBody(req);
      const to = optionalNumber(body, "to");
      const chat = optionalNumber(body, "chat");
      if ((to === undefined) === (chat === undefined)) {
        throw new BadRequest(
          "exactly one of to (a user id) and chat (a marked chat id) is required",
        );
      }
      if (chat !== undefined && peerKind(chat) === "user") {
        throw new BadRequest(
          `chat must be a marked (negative) chat id, not ${chat}`,
        );
      }
      return json(control.sendMessage({
        from: field(body, "from", "number"),
        to,
        chat,
        text: field(body, "text", "string"),
        replyTo: optionalNumber(body, "replyTo"),
      }));
    },
    "POST /messages/delete": async (req) => {
      const body = await readBody(req);
      const ids = body.ids;
      if (
        !Array.isArray(ids) || ids.length === 0 ||
        !ids.every((id) => Number.isSafeInteger(id) && id > 0)
      ) {
        throw new BadRequest("ids must be a non-empty array of message ids");
      }
      const revoke = body.revoke;
      if (revoke !== undefined && typeof revoke !== "boolean") {
        throw new BadRequest("revoke must be true or false");
      }
      return json(control.deleteMessages({
        from: field(body, "from", "number"),
        chat: optionalNumber(body, "chat"),
        ids,
        revoke,
      }));
    },
    "GET /messages": (_req, url) =>
      json(
        control.messages({
          user: queryId(url, "user"),
          peer: queryId(url, "peer"),
        }),
      ),
    "GET /files": (_req, url) => {
      const file = control.file({
        user: queryId(url, "user"),
        message: queryId(url, "message"),
      });
      if (!file) return json({ error: "no such file" }, 404);
      return new Response(file.bytes.slice(), {
        headers: { "content-type": file.mimeType },
      });
    },
    "GET /login-code": (_req, url) => {
      const phone = url.searchParams.get("phone");
      if (!phone) throw new BadRequest("query parameter phone is required");
      const code = control.loginCode(phone);
      return code === undefined
        ? json({ error: "no code was sent to this phone" }, 404)
        : json({ code });
    },
    "GET /calls": (_req, url) => json(control.calls(queryId(url, "account"))),
    "GET /faults": () => json(control.faults()),
    "POST /faults": async (req) => {
      const body = await readBody(req);
      try {
        control.addFault(body as unknown as FaultRule);
      } catch (error) {
        if (error instanceof TypeError) throw new BadRequest(error.message);
        throw error;
      }
      return json({ ok: true });
    },
    "DELETE /faults": () => {
      control.clearFaults();
      return json({ ok: true });
    },
    "POST /reset": () => {
      control.reset();
      return json({ ok: true });
    },
  };
}

/** The HTTP JSON handler of the control API (see README.md for the endpoints). */
export function createControlHandler(
  control: Control,
): (req: Request) => Promise<Response> {
  return serveRoutes(routes(control));
}
