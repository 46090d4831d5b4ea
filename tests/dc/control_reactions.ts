/**
 * The control API's poll votes and reactions, done as the account's own
 * client would (`messages.sendVote`, `messages.sendReaction`), so everyone
 * concerned gets the updates Telegram sends (a bot that sent a
 * non-anonymous poll `updateMessagePollVote`, bots `updateBotMessageReaction`
 * and `updateBotMessageReactions`); and what a message's reactions and a
 * chat's allowed reactions are, as the world holds them.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "./contract.ts";
import {
  BadRequest,
  field,
  json,
  queryId,
  readBody,
  type Route,
} from "./control_http.ts";
import { requireChat } from "./world/chats.ts";
import type { DeliveryContext } from "./world/emit.ts";
import { messageInChat } from "./world/peers.ts";
import { sendVote } from "./world/poll_votes.ts";
import { isPoll, viewPollMedia } from "./world/polls.ts";
import {
  availableReactions,
  latestReactions,
  reactionCounts,
} from "./world/reactions.ts";
import { sendReaction } from "./world/reactions_delivery.ts";
import type { World } from "./world/world.ts";

/** A message of the chat `peer` (a user id or a marked chat id), by its id in `from`'s box (the channel's for supergroups and channels). */
export interface ChatMessageRef {
  from: number;
  peer: number;
  messageId: number;
}

/** One reaction's total on a message, as the reactor sees it. */
export interface ControlReactionCount {
  emoji: string;
  count: number;
  /** Whether the reactor chose it. */
  chosen: boolean;
}

/** A message's reactions as the control API shows them. */
export interface ControlReactions {
  /** The totals, most chosen first, as the viewer sees them. */
  reactions: ControlReactionCount[];
  /** Who chose what, newest first (also in broadcast channels, whose members do not see it). */
  reactors: { from: number; emoji: string }[];
}

/** The reactions a group or channel allows. */
export interface ControlChatReactions {
  type: "all" | "some" | "none";
  /** The allowed emoji (`some` only). */
  emoji?: string[];
  /** The chat's lower limit of distinct reactions per message. */
  limit?: number;
  paidEnabled?: boolean;
}

/** The vote and reaction actions of the control API. */
export interface ReactionControl {
  /** User `from` votes for the answers at `options` (0-based; none retracts its vote) in the poll of the message. */
  vote(input: ChatMessageRef & { options: number[] }): { ok: true };
  /** `from` sets its reactions on the message to the emoji `reactions` (none removes them); answers the message's totals. */
  react(
    input: ChatMessageRef & { reactions: string[] },
  ): { reactions: ControlReactionCount[] };
  /** The reactions on the message of `from`'s box (the channel's for supergroups and channels) in chat `peer`, as `from` sees them. */
  messageReactions(input: ChatMessageRef): ControlReactions;
  /** What the group or channel `chat` (a marked id) allows. */
  chatReactions(chat: number): ControlChatReactions;
}

/** A reaction as the control API writes it: the emoji, else its constructor. */
function emojiOf(reaction: tl.TypeReaction): string {
  return reaction._ === "reactionEmoji" ? reaction.emoticon : reaction._;
}

function controlCounts(counts: tl.RawReactionCount[]): ControlReactionCount[] {
  return counts.map((count) => ({
    emoji: emojiOf(count.reaction),
    count: count.count,
    chosen: count.chosenOrder !== undefined,
  }));
}

/** The `ReactionControl` of a world. */
export function createReactionControl(world: World): ReactionControl {
  const ctx = (): DeliveryContext => ({
    state: world.state,
    sessions: world.sessions,
  });
  return {
    vote({ from, peer, messageId, options }) {
      const { state } = world;
      // votes are a user's: a bot's client would get this from messages.sendVote
      if (state.accounts.require(from).kind === "bot") {
        throw new RpcFailure(400, "BOT_METHOD_INVALID");
      }
      const message = messageInChat(state, from, peer, messageId);
      if (!message?.media || !isPoll(message.media)) {
        throw new RpcFailure(400, "MESSAGE_ID_INVALID");
      }
      const view = viewPollMedia(message.media, from);
      const answers = view._ === "messageMediaPoll" ? view.poll.answers : [];
      sendVote(ctx(), {
        voterId: from,
        peerKey: peer,
        msgId: messageId,
        options: options.map((index) => {
          const answer = answers[index];
          if (answer?._ !== "pollAnswer") {
            throw new RpcFailure(400, "OPTION_INVALID");
          }
          return answer.option;
        }),
      });
      return { ok: true };
    },
    react({ from, peer, messageId, reactions }) {
      world.state.accounts.require(from);
      const result = sendReaction(ctx(), {
        reactorId: from,
        peerKey: peer,
        msgId: messageId,
        reactions: reactions.map((emoticon) => ({
          _: "reactionEmoji",
          emoticon,
        })),
      });
      const [update] = result.updates;
      return {
        reactions: update._ === "updateMessageReactions"
          ? controlCounts(update.reactions.results)
          : [],
      };
    },
    messageReactions({ from, peer, messageId }) {
      world.state.accounts.require(from);
      const message = messageInChat(world.state, from, peer, messageId);
      if (!message) throw new RpcFailure(400, "MESSAGE_ID_INVALID");
      return {
        reactions: controlCounts(reactionCounts(message, from)),
        reactors: latestReactions(message).map((entry) => ({
          from: entry.reactorId,
          emoji: emojiOf(entry.reaction),
        })),
      };
    },
    chatReactions(chat) {
      const settings = requireChat(world.state.chats, chat).reactionSettings;
      const available = availableReactions(settings);
      return {
        type: available._ === "chatReactionsAll"
          ? "all"
          : available._ === "chatReactionsSome"
          ? "some"
          : "none",
        emoji: available._ === "chatReactionsSome"
          ? available.reactions.map(emojiOf)
          : undefined,
        limit: settings?.limit,
        paidEnabled: settings?.paidEnabled,
      };
    },
  };
}

/** `source[name]` as an array of `kind`s; `BadRequest` otherwise. */
function listOf<T extends "string" | "index">(
  source: Record<string, unknown>,
  name: string,
  kind: T,
): (T extends "string" ? string : number)[] {
  const value = source[name];
  const valid = (item: unknown) =>
    kind === "string"
      ? typeof item === "string"
      : Number.isSafeInteger(item) && (item as number) >= 0;
  if (!Array.isArray(value) || !value.every(valid)) {
    throw new BadRequest(
      `${name} must be an array of ${
        kind === "string" ? "strings" : "option indexes (integers from 0)"
      }`,
    );
  }
  return value;
}

/** The emoji a reaction request sets: `reactions` (a list, `[]` removes them) or `emoji` (one). */
function reactionsOf(body: Record<string, unknown>): string[] {
  if ((body.reactions === undefined) === (body.emoji === undefined)) {
    throw new BadRequest(
      "exactly one of reactions (an array of emoji) and emoji (one emoji) is required",
    );
  }
  return body.emoji === undefined
    ? listOf(body, "reactions", "string")
    : [field(body, "emoji", "string")];
}

async function messageRef(
  req: Request,
): Promise<{ ref: ChatMessageRef; body: Record<string, unknown> }> {
  const body = await readBody(req);
  return {
    ref: {
      from: field(body, "from", "number"),
      peer: field(body, "peer", "number"),
      messageId: field(body, "messageId", "number"),
    },
    body,
  };
}

/** The HTTP routes of votes and reactions (see README.md). */
export function reactionRoutes(
  control: ReactionControl,
): Record<string, Route> {
  return {
    "POST /votes": async (req) => {
      const { ref, body } = await messageRef(req);
      return json(
        control.vote({ ...ref, options: listOf(body, "options", "index") }),
      );
    },
    "POST /reactions": async (req) => {
      const { ref, body } = await messageRef(req);
      return json(control.react({ ...ref, reactions: reactionsOf(body) }));
    },
    "GET /reactions": (_req, url) =>
      json(control.messageReactions({
        from: queryId(url, "user"),
        peer: queryId(url, "peer"),
        messageId: queryId(url, "messageId"),
      })),
    "GET /chat-reactions": (_req, url) =>
      json(control.chatReactions(queryId(url, "chat"))),
  };
}
