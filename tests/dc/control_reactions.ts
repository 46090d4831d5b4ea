/**
 * The control API's poll votes and reactions, done as the account's own
 * client would (`messages.sendVote`, `messages.sendReaction`), so everyone
 * concerned gets the updates Telegram sends (a bot that sent a
 * non-anonymous poll `updateMessagePollVote`, bots `updateBotMessageReaction`
 * and `updateBotMessageReactions`).
 */
import { RpcFailure } from "./contract.ts";
import { BadRequest, field, json, readBody, type Route } from "./control.ts";
import type { DeliveryContext } from "./world/emit.ts";
import { messageInChat } from "./world/peers.ts";
import { sendVote } from "./world/poll_votes.ts";
import { isPoll, viewPollMedia } from "./world/polls.ts";
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

/** The vote and reaction actions of the control API. */
export interface ReactionControl {
  /** User `from` votes for the answers at `options` (0-based; none retracts its vote) in the poll of the message. */
  vote(input: ChatMessageRef & { options: number[] }): { ok: true };
  /** `from` sets its reactions on the message to the emoji `reactions` (none removes them); answers the message's totals. */
  react(
    input: ChatMessageRef & { reactions: string[] },
  ): { reactions: ControlReactionCount[] };
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
      const counts = update._ === "updateMessageReactions"
        ? update.reactions.results
        : [];
      return {
        reactions: counts.map((count) => ({
          emoji: count.reaction._ === "reactionEmoji"
            ? count.reaction.emoticon
            : count.reaction._,
          count: count.count,
          chosen: count.chosenOrder !== undefined,
        })),
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
      return json(
        control.react({
          ...ref,
          reactions: listOf(body, "reactions", "string"),
        }),
      );
    },
  };
}
