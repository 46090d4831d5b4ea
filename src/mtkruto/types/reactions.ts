/** Reactions in MTKruto's shape (types.md §12): on messages and in the bot reaction updates. */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";
import {
  type ChatP,
  markedPeerId,
  peerChatP,
  type PeerLookup,
  peerUser,
  type User,
} from "./peers.ts";

/** One reaction: an emoji, a custom emoji (by document id) or a paid (star) reaction. */
export type Reaction =
  | { type: "emoji"; emoji: string }
  | { type: "custom"; id: string }
  | { type: "paid" };

/** A reaction on a message with its count, who recently chose it and whether the own account did. */
export interface MessageReaction {
  reaction: Reaction;
  count: number;
  choosers: number[];
  isChosen: boolean;
}

/** A reaction with its count only. */
export interface ReactionCount {
  reaction: Reaction;
  count: number;
}

/** The reactions a chat allows: none of them. */
export interface AvailableReactionsNone {
  type: "none";
}

/** The reactions a chat allows: those listed. */
export interface AvailableReactionsSome {
  type: "some";
  reactions: Reaction[];
  /** The most distinct reactions one message may carry. */
  maxReactionCount?: number;
}

/** The reactions a chat allows: all of them. */
export interface AvailableReactionsAll {
  type: "all";
  /** The most distinct reactions one message may carry. */
  maxReactionCount?: number;
}

/** Which reactions a chat allows (its settings, `setAvailableReactions`). */
export type AvailableReactions =
  | AvailableReactionsNone
  | AvailableReactionsSome
  | AvailableReactionsAll;

/** One reaction in a list of who reacted to a message and how. */
export interface MessageReactionListItem {
  /** Who reacted. */
  chat: ChatP;
  date: number;
  reaction: Reaction;
  isBig: boolean;
  /** Whether the own account made it. */
  isCreator: boolean;
  isUnread: boolean;
}

/** A page of who reacted to a message (`getMessageReactions`). */
export interface MessageReactionList {
  reactions: MessageReactionListItem[];
  /** The total number of reactions that match. */
  count: number;
  /** Pass it as `offset` for the next page; absent on the last one. */
  nextOffset?: string;
}

/** Payload of `messageReactions`: someone changed their reactions on a message. */
export interface MessageReactions {
  chat: ChatP;
  messageId: number;
  user?: User;
  actorChat?: ChatP;
  date: number;
  oldReactions: Reaction[];
  newReactions: Reaction[];
}

/** Payload of `messageReactionCount`: the new totals of an anonymous-reaction message. */
export interface MessageReactionCount {
  chat: ChatP;
  messageId: number;
  date: number;
  reactions: ReactionCount[];
}

/** The Reaction of a TL reaction; undefined for `reactionEmpty`, which stands for "no reaction". */
export function renderReaction(
  reaction: tl.TypeReaction,
): Reaction | undefined {
  switch (reaction._) {
    case "reactionEmoji":
      return { type: "emoji", emoji: reaction.emoticon };
    case "reactionCustomEmoji":
      return { type: "custom", id: reaction.documentId.toString() };
    case "reactionPaid":
      return { type: "paid" };
    default:
      return undefined;
  }
}

/** A TL reaction list without its empty entries (MTKruto fails on those; Telegram does not send them in lists). */
export function renderReactions(
  reactions: readonly tl.TypeReaction[],
): Reaction[] {
  const rendered: Reaction[] = [];
  for (const reaction of reactions) {
    const one = renderReaction(reaction);
    if (one) rendered.push(one);
  }
  return rendered;
}

/** Whether two TL reactions are the same reaction. */
export function sameReaction(a: tl.TypeReaction, b: tl.TypeReaction): boolean {
  switch (a._) {
    case "reactionEmoji":
      return b._ === "reactionEmoji" && a.emoticon === b.emoticon;
    case "reactionCustomEmoji":
      return b._ === "reactionCustomEmoji" && a.documentId.eq(b.documentId);
    default:
      return a._ === b._;
  }
}

/** The MessageReactions list of a message's TL `reactions` (one per result; choosers from `recent_reactions`). */
export function renderMessageReactionList(
  reactions: tl.RawMessageReactions,
): MessageReaction[] {
  const recent = reactions.recentReactions ?? [];
  const rendered: MessageReaction[] = [];
  for (const result of reactions.results) {
    const reaction = renderReaction(result.reaction);
    if (!reaction) continue;
    rendered.push({
      reaction,
      count: result.count,
      choosers: recent
        .filter((peer) => sameReaction(peer.reaction, result.reaction))
        .map((peer) => markedPeerId(peer.peerId)),
      isChosen: result.chosenOrder !== undefined,
    });
  }
  return rendered;
}

/** The ReactionCounts of TL reaction counts (empty reactions left out). */
function renderReactionCounts(
  counts: readonly tl.TypeReactionCount[],
): ReactionCount[] {
  const rendered: ReactionCount[] = [];
  for (const count of counts) {
    const reaction = renderReaction(count.reaction);
    if (reaction) rendered.push({ reaction, count: count.count });
  }
  return rendered;
}

/** The payload of `messageReactions` from `updateBotMessageReaction` (`user` for a user actor, else `actorChat`). Throws RenderError when a peer is missing. */
export function renderMessageReactions(
  update: tl.RawUpdateBotMessageReaction,
  peers: PeerLookup,
): MessageReactions {
  const { actor } = update;
  return omitUndefined({
    chat: peerChatP(peers, update.peer),
    messageId: update.msgId,
    user: actor._ === "peerUser" ? peerUser(peers, actor.userId) : undefined,
    actorChat: actor._ === "peerUser" ? undefined : peerChatP(peers, actor),
    date: update.date,
    oldReactions: renderReactions(update.oldReactions),
    newReactions: renderReactions(update.newReactions),
  });
}

/** The payload of `messageReactionCount` from `updateBotMessageReactions`. Throws RenderError when the chat is missing. */
export function renderMessageReactionCount(
  update: tl.RawUpdateBotMessageReactions,
  peers: PeerLookup,
): MessageReactionCount {
  return {
    chat: peerChatP(peers, update.peer),
    messageId: update.msgId,
    date: update.date,
    reactions: renderReactionCounts(update.reactions),
  };
}

/** The AvailableReactions of a chat's TL `available_reactions` (MTKruto leaves `maxReactionCount` out here). */
export function renderAvailableReactions(
  reactions: tl.TypeChatReactions,
): AvailableReactions {
  switch (reactions._) {
    case "chatReactionsNone":
      return { type: "none" };
    case "chatReactionsAll":
      return { type: "all" };
    case "chatReactionsSome":
      return { type: "some", reactions: renderReactions(reactions.reactions) };
  }
}

/** The MessageReactionList of `messages.getMessageReactionsList`'s answer (entries without a reaction left out). Throws RenderError when a reactor is missing from it. */
export function renderReactionList(
  list: tl.messages.RawMessageReactionsList,
  peers: PeerLookup,
): MessageReactionList {
  const reactions: MessageReactionListItem[] = [];
  for (const entry of list.reactions) {
    const reaction = renderReaction(entry.reaction);
    if (!reaction) continue;
    reactions.push({
      chat: peerChatP(peers, entry.peerId),
      date: entry.date,
      reaction,
      isBig: entry.big === true,
      isCreator: entry.my === true,
      isUnread: entry.unread === true,
    });
  }
  return omitUndefined({
    reactions,
    count: list.count,
    nextOffset: list.nextOffset,
  });
}
