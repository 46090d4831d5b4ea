/** Who voted in a poll (messages.getPollVotes), as MTKruto's PollVoter and PollVoterList. */
import type { tl } from "@mtcute/core";
import { type ChatP, peerChatP, type PeerLookup } from "./peers.ts";
import { pollOptionId } from "./poll.ts";

/** One voter of a poll. */
export interface PollVoter {
  /** The voter. */
  voter: ChatP;
  /** The indexes of the options voted for. */
  optionIndexes: number[];
  /** When the vote was cast (Unix seconds). */
  votedAt: number;
}

/** A page of a poll's voters. */
export interface PollVoterList {
  voters: PollVoter[];
  /** How many votes there are in all (or for the option asked about). */
  count: number;
  /** The offset that fetches the next page, when there is one. */
  nextOffset?: string;
}

/** A PollVoter of a TL vote; `optionIndex` is the option asked about, which the reduced constructor leaves out. */
export function renderPollVoter(
  vote: tl.TypeMessagePeerVote,
  peers: PeerLookup,
  optionIndex?: number,
): PollVoter {
  const options = vote._ === "messagePeerVote"
    ? [vote.option]
    : vote._ === "messagePeerVoteMultiple"
    ? vote.options
    : [];
  const optionIndexes = vote._ === "messagePeerVoteInputOption"
    ? optionIndex === undefined ? [] : [optionIndex]
    : options.map((option) => Number(pollOptionId(option)));
  return {
    voter: peerChatP(peers, vote.peer),
    optionIndexes,
    votedAt: vote.date,
  };
}

/** The PollVoterList of messages.votesList. */
export function renderPollVoterList(
  list: tl.messages.RawVotesList,
  peers: PeerLookup,
  optionIndex?: number,
): PollVoterList {
  const voters = list.votes.map((vote) =>
    renderPollVoter(vote, peers, optionIndex)
  );
  return list.nextOffset
    ? { voters, count: list.count, nextOffset: list.nextOffset }
    : { voters, count: list.count };
}
