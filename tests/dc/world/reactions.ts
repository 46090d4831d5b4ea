/**
 * Message reactions (core.telegram.org/api/reactions): a message's reactions
 * are one record shared by all its copies (`BoxMessage.reactors`), holding
 * each reactor's chosen reactions in the order it sent them. Every viewer
 * sees the totals with its own choices marked (`chosen_order`) and, except
 * in broadcast channels, whose reactions are anonymous, who reacted last.
 * Groups and channels may narrow which reactions are allowed
 * (`messages.setChatAvailableReactions`, see `reactions_settings.ts`).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { BoxMessage } from "./mailboxes.ts";
import { tlPeer } from "./peer_keys.ts";

/** Telegram's standard reaction emoji (as the Bot API lists them): the reactions usable without Premium. */
const STANDARD_EMOJI: ReadonlySet<string> = new Set([
  ..."👍👎❤🔥🥰👏😁🤔🤯😱🤬😢🎉🤩🤮💩🙏👌🕊🤡🥱🥴😍🐳🌚🌭💯🤣⚡🍌🏆💔🤨😐🍓🍾💋🖕😈😴😭🤓👻👀🎃🙈😇😨🤝✍🤗🫡🎅🎄☃💅🤪🗿🆒💘🙉🦄😘💊🙊😎👾🤷😡",
  "❤\u200d🔥",
  "👨\u200d💻",
  "🤷\u200d♂",
  "🤷\u200d♀",
]);

/** `reactions_user_max_default`: reactions one account without Premium may set on a message (no account has Premium here). */
const REACTIONS_PER_ACCOUNT = 1;
/** `reactions_uniq_max`: distinct reactions one message may carry, unless the chat sets a lower `reactions_limit`. */
export const DISTINCT_REACTIONS = 11;
/** How many of the latest reactions `recent_reactions` lists. */
const RECENT_REACTIONS = 3;

/** One account's reactions on a message. */
export interface Reactor {
  /** In the order the account sent them (oldest first). */
  reactions: tl.TypeReaction[];
  date: number;
  big: boolean;
}

/** A message's reactions by reactor, ordered by when each last reacted; shared by all copies of the message. */
export type MessageReactors = Map<number, Reactor>;

/** What a group or channel allows; a chat that never set it allows every reaction. */
export interface ChatReactionSettings {
  available: tl.TypeChatReactions;
  /** A lower `reactions_uniq_max` for the chat's messages. */
  limit?: number;
  /** Whether paid (Star) reactions are enabled; stored and shown, not sent (no paid reactions here). */
  paidEnabled?: boolean;
}

/** One reaction's identity: its emoji, its custom emoji's document id, or its constructor. */
export function reactionKey(reaction: tl.TypeReaction): string {
  switch (reaction._) {
    case "reactionEmoji":
      return `emoji:${reaction.emoticon}`;
    case "reactionCustomEmoji":
      return `custom:${reaction.documentId}`;
    default:
      return reaction._;
  }
}

/** Whether `allowed` lets `reaction` be sent (standard emoji only for `chatReactionsAll` without `allow_custom`). */
function isAllowed(
  reaction: tl.TypeReaction,
  allowed: tl.TypeChatReactions,
): boolean {
  switch (allowed._) {
    case "chatReactionsNone":
      return false;
    case "chatReactionsAll":
      return reaction._ !== "reactionCustomEmoji" ||
        allowed.allowCustom === true;
    case "chatReactionsSome":
      return allowed.reactions.some((item) =>
        reactionKey(item) === reactionKey(reaction)
      );
  }
}

/** Whether `emoticon` is one of Telegram's standard reaction emoji. */
export function isStandardEmoji(emoticon: string): boolean {
  return STANDARD_EMOJI.has(emoticon);
}

/**
 * The reactions of a `messages.sendReaction` call as Telegram takes them:
 * `reactionEmpty` (mtcute's "remove") stands for nothing; what the chat does
 * not allow is `REACTION_INVALID`; standard emoji only (`REACTION_INVALID`;
 * paid reactions have their own method), custom emoji need Premium
 * (`PREMIUM_ACCOUNT_REQUIRED`), at most `reactions_user_max_default` of them
 * (`REACTIONS_TOO_MANY`).
 */
export function checkedReactions(
  input: tl.TypeReaction[] | undefined,
  allowed: tl.TypeChatReactions,
): tl.TypeReaction[] {
  const reactions = new Map<string, tl.TypeReaction>();
  for (const reaction of input ?? []) {
    if (reaction._ === "reactionEmpty") continue;
    if (!isAllowed(reaction, allowed)) {
      throw new RpcFailure(400, "REACTION_INVALID");
    }
    if (reaction._ === "reactionCustomEmoji") {
      throw new RpcFailure(403, "PREMIUM_ACCOUNT_REQUIRED");
    }
    if (reaction._ !== "reactionEmoji" || !isStandardEmoji(reaction.emoticon)) {
      throw new RpcFailure(400, "REACTION_INVALID");
    }
    reactions.set(reactionKey(reaction), reaction);
  }
  if (reactions.size > REACTIONS_PER_ACCOUNT) {
    throw new RpcFailure(400, "REACTIONS_TOO_MANY");
  }
  return [...reactions.values()];
}

/**
 * Replaces `reactorId`'s reactions on the message whose live `copies` these
 * are (none removes them) with checked `reactions`; returns the old ones.
 * `MESSAGE_NOT_MODIFIED` when nothing changes, `REACTIONS_TOO_MANY` when the
 * message would carry more than `distinctLimit` distinct reactions.
 */
export function setReactions(
  copies: BoxMessage[],
  reactorId: number,
  reactions: tl.TypeReaction[],
  options: { date: number; big: boolean; distinctLimit: number },
): tl.TypeReaction[] {
  const reactors = copies.find((copy) => copy.reactors)?.reactors ??
    new Map<number, Reactor>();
  const old = reactors.get(reactorId)?.reactions ?? [];
  const keys = (list: tl.TypeReaction[]) => list.map(reactionKey).join(" ");
  if (keys(old) === keys(reactions)) {
    throw new RpcFailure(400, "MESSAGE_NOT_MODIFIED");
  }
  const others = [...reactors].filter(([id]) => id !== reactorId)
    .flatMap(([, reactor]) => reactor.reactions.map(reactionKey));
  const distinct = new Set([...others, ...reactions.map(reactionKey)]);
  if (distinct.size > options.distinctLimit) {
    throw new RpcFailure(400, "REACTIONS_TOO_MANY");
  }
  // re-inserted, so the map stays ordered by when each reactor last reacted
  reactors.delete(reactorId);
  if (reactions.length > 0) {
    reactors.set(reactorId, {
      reactions,
      date: options.date,
      big: options.big,
    });
  }
  for (const copy of copies) copy.reactors = reactors;
  return old;
}

/** The totals of `message`'s reactions, most chosen first; with `viewerId`, its own marked with `chosen_order`. */
export function reactionCounts(
  message: BoxMessage,
  viewerId?: number,
): tl.RawReactionCount[] {
  const totals = new Map<string, tl.RawReactionCount>();
  for (const [reactorId, reactor] of message.reactors ?? []) {
    reactor.reactions.forEach((reaction, order) => {
      const key = reactionKey(reaction);
      const total = totals.get(key) ??
        { _: "reactionCount", reaction, count: 0 };
      total.count += 1;
      if (reactorId === viewerId) total.chosenOrder = order;
      totals.set(key, total);
    });
  }
  return [...totals.values()].sort((a, b) => b.count - a.count);
}

/** Whether who reacted to `message` stays hidden: broadcast channel posts, whose reactions are anonymous. */
export function isAnonymous(message: BoxMessage): boolean {
  return message.post === true;
}

/** One reaction on a message: who chose it and when. */
export interface ChosenReaction {
  reactorId: number;
  reactor: Reactor;
  reaction: tl.TypeReaction;
}

/** Every reaction on `message`, newest first. */
export function latestReactions(message: BoxMessage): ChosenReaction[] {
  return [...message.reactors ?? []].reverse().flatMap(([reactorId, reactor]) =>
    reactor.reactions.toReversed().map((reaction) => ({
      reactorId,
      reactor,
      reaction,
    }))
  );
}

/** Every reaction on `message`, newest first, as `viewerId` sees it (for lists of who reacted). */
export function peerReactions(
  message: BoxMessage,
  viewerId: number,
): tl.RawMessagePeerReaction[] {
  return latestReactions(message).map(({ reactorId, reactor, reaction }) => ({
    _: "messagePeerReaction",
    big: reactor.big || undefined,
    my: reactorId === viewerId || undefined,
    peerId: tlPeer(reactorId),
    date: reactor.date,
    reaction,
  }));
}

/**
 * `message`'s `messageReactions` as `viewerId` sees it, or undefined when it
 * has none. Who reacted (`recent_reactions`, `can_see_list`) is left out in
 * broadcast channels.
 */
export function viewReactions(
  message: BoxMessage,
  viewerId: number,
): tl.RawMessageReactions | undefined {
  if (!message.reactors?.size) return undefined;
  const anonymous = isAnonymous(message);
  return {
    _: "messageReactions",
    canSeeList: anonymous ? undefined : true,
    results: reactionCounts(message, viewerId),
    recentReactions: anonymous
      ? undefined
      : peerReactions(message, viewerId).slice(0, RECENT_REACTIONS),
  };
}

/** The `messageReactions` an update about `message` carries: empty `results` once the last reaction is gone. */
export function reactionsUpdateView(
  message: BoxMessage,
  viewerId: number,
): tl.RawMessageReactions {
  return viewReactions(message, viewerId) ??
    { _: "messageReactions", results: [] };
}

/** The accounts `viewReactions` lists as recent reactors (their `user` objects go with it). */
export function recentReactorIds(message: BoxMessage): number[] {
  if (isAnonymous(message)) return [];
  return latestReactions(message).slice(0, RECENT_REACTIONS)
    .map(({ reactorId }) => reactorId);
}

/** The reactions a private chat, or a chat with `settings`, allows: all (custom emoji too, for Premium accounts) until set. */
export function availableReactions(
  settings: ChatReactionSettings | undefined,
): tl.TypeChatReactions {
  return settings?.available ?? { _: "chatReactionsAll", allowCustom: true };
}

/** What a chat's `chatFull` or `channelFull` says about its reactions. */
export function fullChatReactions(
  settings: ChatReactionSettings | undefined,
): Pick<tl.RawChannelFull, "availableReactions" | "reactionsLimit"> {
  return {
    availableReactions: availableReactions(settings),
    reactionsLimit: settings?.limit,
  };
}
