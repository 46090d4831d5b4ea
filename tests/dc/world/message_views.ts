/**
 * Broadcast channel posts' view and forward counters, as
 * `messages.getMessagesViews` reports them for "a message sent or
 * forwarded from a channel": a post counts each account that viewed it
 * once; a forward of a post (wherever it is) shows the original's counters.
 * Supergroup, group and private messages have none.
 */
import type { tl } from "@mtcute/core";
import { isChannel } from "./chats.ts";
import type { BoxMessage } from "./mailboxes.ts";
import { messageInChat } from "./peers.ts";
import type { WorldState } from "./state.ts";

/** A post: its channel's peer key and its id there. */
export interface ChannelPost {
  channelKey: number;
  id: number;
}

const postKey = (post: ChannelPost) => `${post.channelKey}:${post.id}`;

/** Who viewed each broadcast post. */
export class MessageViews {
  readonly #viewers = new Map<string, Set<number>>();

  /** Counts `viewerId`'s view of `post` (once per account). */
  view(post: ChannelPost, viewerId: number): void {
    const key = postKey(post);
    let viewers = this.#viewers.get(key);
    if (!viewers) this.#viewers.set(key, viewers = new Set());
    viewers.add(viewerId);
  }

  /** The accounts that viewed `post`, in the order they first did. */
  viewers(post: ChannelPost): number[] {
    return [...this.#viewers.get(postKey(post)) ?? []];
  }
}

/** The broadcast post whose counters `message` shows: itself, or the post it forwards; undefined for others. */
export function countedPost(
  state: WorldState,
  message: BoxMessage,
): ChannelPost | undefined {
  if (state.chats.get(message.peerId)?.type === "channel") {
    return { channelKey: message.peerId, id: message.id };
  }
  const origin = message.forwardOrigin;
  if (origin?.channelPost === undefined) return undefined;
  return { channelKey: origin.fromId, id: origin.channelPost };
}

/** Every box a forward can land in: the accounts' own, and the supergroups' and channels'. */
function allBoxOwners(state: WorldState): number[] {
  const accounts = state.accounts.all().map((account) => account.id);
  const channels = accounts.flatMap((id) =>
    state.chats.ofMember(id).filter(isChannel).map((chat) => chat.key)
  );
  return [...new Set([...accounts, ...channels])];
}

/** How many times `post` was forwarded (one forward to a group counts once, however many copies its members hold). */
export function forwardCount(state: WorldState, post: ChannelPost): number {
  const forwards = new Set<number>();
  for (const ownerId of allBoxOwners(state)) {
    for (const peerId of state.mailboxes.peers(ownerId)) {
      for (const message of state.mailboxes.chat(ownerId, peerId)) {
        const origin = message.forwardOrigin;
        if (
          origin?.fromId === post.channelKey &&
          origin.channelPost === post.id
        ) {
          forwards.add(message.pairKey);
        }
      }
    }
  }
  return forwards.size;
}

/**
 * `messages.getMessagesViews` for the messages `ids` of chat `peerKey` as
 * `viewerId` sees them; with `increment` the viewer's views are counted
 * first. Messages that show no counters (or do not exist) get an empty
 * `messageViews`.
 */
export function messagesViews(
  state: WorldState,
  options: {
    viewerId: number;
    peerKey: number;
    ids: number[];
    increment: boolean;
  },
): tl.messages.RawMessageViews {
  const { viewerId, peerKey } = options;
  const posts = options.ids.map((id) => {
    const message = messageInChat(state, viewerId, peerKey, id);
    return message && countedPost(state, message);
  });
  if (options.increment) {
    for (const post of posts) if (post) state.views.view(post, viewerId);
  }
  return {
    _: "messages.messageViews",
    views: posts.map((post): tl.RawMessageViews =>
      post
        ? {
          _: "messageViews",
          views: state.views.viewers(post).length,
          forwards: forwardCount(state, post),
        }
        : { _: "messageViews" }
    ),
    chats: state.chatObjects(
      [peerKey, ...posts.flatMap((post) => post ? [post.channelKey] : [])],
      viewerId,
    ),
    users: [],
  };
}
