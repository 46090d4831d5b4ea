/**
 * The control API's view of schedule queues, read marks, Saved Messages and
 * view counters, and the reads and views other people's clients would do
 * (`messages.readHistory` / `channels.readHistory`,
 * `messages.getMessagesViews` with `increment`), so tests can play the
 * other side of a chat.
 */
import { RpcFailure } from "./contract.ts";
import { type ControlMessage, toControlMessage } from "./control.ts";
import {
  BadRequest,
  field,
  json,
  optionalNumber,
  queryId,
  readBody,
  type Route,
} from "./control_http.ts";
import { requireChat } from "./world/chats.ts";
import { readHistory } from "./world/delivery.ts";
import { forwardCount, messagesViews } from "./world/message_views.ts";
import { peerKind } from "./world/peer_keys.ts";
import { readChannelHistory } from "./world/read_marks.ts";
import { savedDialogs } from "./world/saved.ts";
import { scheduledView } from "./world/scheduled.ts";
import type { World } from "./world/world.ts";

/** How a user's chat stands as to reading. */
export interface ControlReadState {
  /** The highest incoming id the user has read (in the channel's ids for supergroups and channels). */
  readInboxMaxId: number;
  unreadCount: number;
  /** Whether the user marked the chat unread by hand. */
  unreadMark: boolean;
  /** When the user last moved its read mark (Unix seconds). */
  readAt?: number;
}

/** A broadcast post's counters, and who viewed it. */
export interface ControlViews {
  views: number;
  forwards: number;
  viewers: number[];
}

/** A saved dialog of a user's Saved Messages. */
export interface ControlSavedDialog {
  /** The peer the messages were saved from (a user id or a marked chat id). */
  peer: number;
  /** The id of its newest message, in Saved Messages. */
  topMessageId: number;
}

/** The schedule, read and view actions of the control API. */
export interface MessagesExtraControl {
  /** The queue of `user` for chat `peer` (a user id or a marked chat id), by id; `date` is when each is due. */
  scheduledMessages(query: { user: number; peer: number }): ControlMessage[];
  /** `user` reads the chat `peer` up to `maxId` (everything when left out) as its client would. */
  readChat(
    input: { user: number; peer: number; maxId?: number },
  ): ControlReadState;
  /** How the chat `peer` stands as to `user`'s reading. */
  readState(query: { user: number; peer: number }): ControlReadState;
  /** `user` views the messages `ids` of chat `peer` as its client would (`messages.getMessagesViews` with `increment`). */
  viewMessages(input: { user: number; peer: number; ids: number[] }): {
    ok: true;
  };
  /** The counters of the post `id` of the broadcast channel `chat`. */
  postViews(query: { chat: number; id: number }): ControlViews;
  /** The saved dialogs of `user`'s Saved Messages, newest first. */
  savedDialogs(user: number): ControlSavedDialog[];
}

/** The `MessagesExtraControl` of a world. */
export function createMessagesExtraControl(
  world: World,
): MessagesExtraControl {
  const readState = (user: number, peer: number): ControlReadState => {
    const { mailboxes, unreadMarks } = world.state;
    const readInboxMaxId = mailboxes.readMark(user, peer);
    return {
      readInboxMaxId,
      unreadCount: mailboxes.unreadCount(user, peer),
      unreadMark: unreadMarks.has(user, peer),
      readAt: readInboxMaxId === 0
        ? undefined
        : mailboxes.readDate(user, peer, readInboxMaxId),
    };
  };
  return {
    scheduledMessages({ user, peer }) {
      return world.state.scheduled.list(user, peer).map((message) =>
        toControlMessage(scheduledView(world.state, message), user)
      );
    },
    readChat({ user, peer, maxId = 0 }) {
      const { state } = world;
      state.accounts.require(user);
      const ctx = { state, sessions: world.sessions };
      if (peerKind(peer) === "channel") {
        readChannelHistory(ctx, {
          readerId: user,
          chat: requireChat(state.chats, peer),
          maxId,
        });
      } else {
        readHistory(ctx, { ownerId: user, peerId: peer, maxId });
      }
      return readState(user, peer);
    },
    readState: ({ user, peer }) => readState(user, peer),
    viewMessages({ user, peer, ids }) {
      world.state.accounts.require(user);
      messagesViews(world.state, {
        viewerId: user,
        peerKey: peer,
        ids,
        increment: true,
      });
      return { ok: true };
    },
    postViews({ chat, id }) {
      const { state } = world;
      if (requireChat(state.chats, chat).type !== "channel") {
        throw new RpcFailure(400, "BROADCAST_REQUIRED");
      }
      if (!state.mailboxes.get(chat, id)) {
        throw new RpcFailure(400, "MSG_ID_INVALID");
      }
      const post = { channelKey: chat, id };
      const viewers = state.views.viewers(post);
      return {
        views: viewers.length,
        forwards: forwardCount(state, post),
        viewers,
      };
    },
    savedDialogs(user) {
      world.state.accounts.require(user);
      return savedDialogs(world.state, user).map(({ peerKey, top }) => ({
        peer: peerKey,
        topMessageId: top.id,
      }));
    },
  };
}

/** A non-empty list of message ids at `name`; `BadRequest` otherwise. */
function messageIds(body: Record<string, unknown>, name: string): number[] {
  const ids = body[name];
  if (
    !Array.isArray(ids) || ids.length === 0 ||
    !ids.every((id) => Number.isSafeInteger(id) && id > 0)
  ) {
    throw new BadRequest(`${name} must be a non-empty array of message ids`);
  }
  return ids;
}

/** The HTTP routes of the schedule, read and view actions. */
export function messagesExtraRoutes(
  control: MessagesExtraControl,
): Record<string, Route> {
  const chatQuery = (url: URL) => ({
    user: queryId(url, "user"),
    peer: queryId(url, "peer"),
  });
  return {
    "GET /messages/scheduled": (_req, url) =>
      json(control.scheduledMessages(chatQuery(url))),
    "GET /messages/read-state": (_req, url) =>
      json(control.readState(chatQuery(url))),
    "POST /messages/read": async (req) => {
      const body = await readBody(req);
      const maxId = optionalNumber(body, "maxId");
      if (maxId !== undefined && maxId < 0) {
        throw new BadRequest("maxId must be a message id (or 0: everything)");
      }
      return json(control.readChat({
        user: field(body, "user", "number"),
        peer: field(body, "peer", "number"),
        maxId,
      }));
    },
    "POST /messages/views": async (req) => {
      const body = await readBody(req);
      return json(control.viewMessages({
        user: field(body, "user", "number"),
        peer: field(body, "peer", "number"),
        ids: messageIds(body, "ids"),
      }));
    },
    "GET /messages/views": (_req, url) =>
      json(control.postViews({
        chat: queryId(url, "chat"),
        id: queryId(url, "id"),
      })),
    "GET /messages/saved-dialogs": (_req, url) =>
      json(control.savedDialogs(queryId(url, "user"))),
  };
}
