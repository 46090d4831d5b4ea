/**
 * Message reactions (core.telegram.org/api/reactions): a message's reactions
 * are one record shared by all its copies (keyed by `pairKey`), holding each
 * reactor's chosen reactions in the order it sent them. Every viewer sees the
 * totals with its own choices marked (`chosen_order`) and, except in
 * broadcast channels, whose reactions are anonymous, who reacted last.
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
/** `reactions_uniq_max`: distinct reactions one message may carry. */
const DISTINCT_REACTIONS = 11;
/** How many of the latest reactions `recent_reactions` lists. */
const RECENT_REACTIONS = 3;

/** One account's reactions on a message. */
interface Reactor {
  /** In the order the account sent them (oldest first). */
  reactions: tl.TypeReaction[];
  date: number;
  big: boolean;
}

function reactionKey(reaction: tl.TypeReaction): string {
  switch (reaction._) {
    case "reactionEmoji":
      return `emoji:${reaction.emoticon}`;
    case "reactionCustomEmoji":
      return `custom:${reaction.documentId}`;
    default:
      return reaction._;
  }
}

/**
 * The reactions of a `messages.sendReaction` call as Telegram takes them:
 * `reactionEmpty` (mtcute's "remove") stands for nothing, standard emoji
 * only (`REACTION_INVALID`; paid reactions have their own method), custom
 * emoji need Premium (`PREMIUM_ACCOUNT_REQUIRED`), at most
 * `reactions_user_max_default` of them (`REACTIONS_TOO_MANY`).
 */
export function checkedReactions(
  input: tl.TypeReaction[] | undefined,
): tl.TypeReaction[] {
  const reactions = new Map<string, tl.TypeReaction>();
  for (const reaction of input ?? []) {
    if (reaction._ === "reactionEmpty") continue;
    if (reaction._ === "reactionCustomEmoji") {
      throw new RpcFailure(403, "PREMIUM_ACCOUNT_REQUIRED");
    }
    if (
      reaction._ !== "reactionEmoji" || !STANDARD_EMOJI.has(reaction.emoticon)
    ) {
      throw new RpcFailure(400, "REACTION_INVALID");
    }
    reactions.set(reactionKey(reaction), reaction);
  }
  if (reactions.size > REACTIONS_PER_ACCOUNT) {
    throw new RpcFailure(400, "REACTIONS_TOO_MANY");
  }
  return [...reactions.values()];
}

/** Every message's reactions. */
export class Reactions {
  readonly #byMessage = new Map<number, Map<number, Reactor>>();

  /**
   * Replaces `reactorId`'s reactions on `message` (none removes them) with
   * checked `reactions`; returns the old ones. `MESSAGE_NOT_MODIFIED` when
   * nothing changes, `REACTIONS_TOO_MANY` when the message would carry more
   * than `reactions_uniq_max` distinct reactions.
   */
  set(
    message: BoxMessage,
    reactorId: number,
    reactions: tl.TypeReaction[],
    options: { date: number; big: boolean },
  ): tl.TypeReaction[] {
    let reactors = this.#byMessage.get(message.pairKey);
    if (!reactors) this.#byMessage.set(message.pairKey, reactors = new Map());
    const old = reactors.get(reactorId)?.reactions ?? [];
    const keys = (list: tl.TypeReaction[]) => list.map(reactionKey).join(" ");
    if (keys(old) === keys(reactions)) {
      throw new RpcFailure(400, "MESSAGE_NOT_MODIFIED");
    }
    const others = [...reactors].filter(([id]) => id !== reactorId)
      .flatMap(([, reactor]) => reactor.reactions.map(reactionKey));
    const distinct = new Set([...others, ...reactions.map(reactionKey)]);
    if (distinct.size > DISTINCT_REACTIONS) {
      throw new RpcFailure(400, "REACTIONS_TOO_MANY");
    }
    // re-inserted, so the map stays ordered by when each reactor last reacted
    reactors.delete(reactorId);
    if (reactions.length > 0) {
      reactors.set(reactorId, { reactions, ...options });
    }
    return old;
  }

  /** The totals of `message`'s reactions, most chosen first; with `viewerId`, its own marked with `chosen_order`. */
  counts(message: BoxMessage, viewerId?: number): tl.RawReactionCount[] {
    const totals = new Map<string, tl.RawReactionCount>();
    for (const [reactorId, reactor] of this.#reactors(message)) {
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

  /** `message`'s `messageReactions` as `viewerId` sees it; `anonymous` (broadcast channels) leaves out who reacted. */
  view(
    message: BoxMessage,
    viewerId: number,
    anonymous: boolean,
  ): tl.RawMessageReactions {
    return {
      _: "messageReactions",
      results: this.counts(message, viewerId),
      recentReactions: anonymous
        ? undefined
        : this.#recent(message).map(({ reactorId, reactor, reaction }) => ({
          _: "messagePeerReaction",
          big: reactor.big || undefined,
          my: reactorId === viewerId || undefined,
          peerId: tlPeer(reactorId),
          date: reactor.date,
          reaction,
        })),
    };
  }

  /** The accounts `view` lists as recent reactors (their `user` objects go with it). */
  recentReactorIds(message: BoxMessage): number[] {
    return this.#recent(message).map(({ reactorId }) => reactorId);
  }

  /** The latest reactions, newest first. */
  #recent(message: BoxMessage) {
    return [...this.#reactors(message)].reverse().flatMap((
      [reactorId, reactor],
    ) =>
      reactor.reactions.toReversed().map((reaction) => ({
        reactorId,
        reactor,
        reaction,
      }))
    ).slice(0, RECENT_REACTIONS);
  }

  #reactors(message: BoxMessage): Map<number, Reactor> {
    return this.#byMessage.get(message.pairKey) ?? new Map();
  }
}
