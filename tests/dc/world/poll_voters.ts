/**
 * `messages.getPollVotes`: who voted for what in a non-anonymous poll, as
 * Telegram lists them (newest ballot first, paged by an opaque offset). A
 * member must have voted (or created the poll) before it may look; voters
 * of polls in broadcast channels stay hidden.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { referencedChatKeys } from "./mailboxes.ts";
import { tlPeer } from "./peer_keys.ts";
import { messageInChat } from "./peers.ts";
import { type Ballot, isPoll, pollBallots } from "./polls.ts";
import type { WorldState } from "./state.ts";

/** What a getPollVotes call asks for. */
export interface VotesQuery {
  viewerId: number;
  peerKey: number;
  msgId: number;
  option?: Uint8Array;
  offset?: string;
  limit: number;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function peerVote(ballot: Ballot, asked: boolean): tl.TypeMessagePeerVote {
  const peer = tlPeer(ballot.voterId);
  // asked about one option, Telegram answers with the reduced constructor
  if (asked) {
    return { _: "messagePeerVoteInputOption", peer, date: ballot.date };
  }
  return ballot.options.length === 1
    ? {
      _: "messagePeerVote",
      peer,
      option: ballot.options[0],
      date: ballot.date,
    }
    : {
      _: "messagePeerVoteMultiple",
      peer,
      options: ballot.options,
      date: ballot.date,
    };
}

/** `messages.getPollVotes` for `query.viewerId`. */
export function pollVotes(
  state: WorldState,
  query: VotesQuery,
): tl.messages.RawVotesList {
  const message = messageInChat(
    state,
    query.viewerId,
    query.peerKey,
    query.msgId,
  );
  if (!message || !isPoll(message.media)) {
    throw new RpcFailure(400, "MSG_ID_INVALID");
  }
  if (state.chats.get(message.peerId)?.type === "channel") {
    throw new RpcFailure(403, "BROADCAST_FORBIDDEN");
  }
  const { isPublic, answers, ballots } = pollBallots(message.media);
  // an anonymous poll has no voters to list
  if (!isPublic) throw new RpcFailure(400, "MSG_ID_INVALID");
  const isCreator = message.senderId === query.viewerId;
  if (!isCreator && !ballots.some((b) => b.voterId === query.viewerId)) {
    throw new RpcFailure(403, "POLL_VOTE_REQUIRED");
  }
  const { option } = query;
  if (option && !answers.some((answer) => sameBytes(answer.option, option))) {
    throw new RpcFailure(400, "OPTION_INVALID");
  }
  const matching = option
    ? ballots.filter((b) => b.options.some((o) => sameBytes(o, option)))
    : ballots;
  const start = query.offset ? Number(query.offset) : 0;
  if (!Number.isSafeInteger(start) || start < 0) {
    throw new RpcFailure(400, "OFFSET_INVALID");
  }
  const page = matching.slice(start, start + query.limit);
  const end = start + page.length;
  return {
    _: "messages.votesList",
    count: matching.length,
    votes: page.map((ballot) => peerVote(ballot, option !== undefined)),
    users: state.users(page.map((ballot) => ballot.voterId), query.viewerId),
    chats: state.chatObjects(referencedChatKeys(message), query.viewerId),
    nextOffset: end < matching.length ? String(end) : undefined,
  };
}
