/**
 * Polls and quizzes (core.telegram.org/api/poll): the poll a message carries
 * is one shared record of votes, whatever box the copy is in or however often
 * it was forwarded; each viewer sees it with its own votes marked `chosen`,
 * results only once it voted (or the poll is closed, or it is the creator).
 * Records hang off the stored `messageMediaPoll` object, which copies and
 * forwards share, so they die with the messages.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { now } from "./emit.ts";
import { randomLong } from "./files.ts";
import { tlPeer } from "./peer_keys.ts";

const MIN_ANSWERS = 2;
const MAX_ANSWERS = 12;
const MAX_QUESTION_LENGTH = 300;
const MAX_ANSWER_LENGTH = 100;
const RECENT_VOTERS = 3;

interface PollRecord {
  poll: tl.RawPoll;
  /** The poll's answers with their options (the same as in `poll`). */
  answers: tl.RawPollAnswer[];
  creatorId: number;
  /** Options of the quiz's correct answer. */
  correct: Uint8Array[];
  solution?: string;
  solutionEntities?: tl.TypeMessageEntity[];
  /** Each voter's chosen options, in voting order. */
  votes: Map<number, Uint8Array[]>;
  /** When each voter cast its current vote. */
  votedAt: Map<number, number>;
}

const records = new WeakMap<tl.TypeMessageMedia, PollRecord>();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function includesBytes(list: Uint8Array[], item: Uint8Array): boolean {
  return list.some((entry) => sameBytes(entry, item));
}

/** Telegram numbers options itself when the client sends `inputPollAnswer`s; we use "0", "1", ... */
function storedAnswers(poll: tl.RawPoll): tl.RawPollAnswer[] {
  const answers = poll.answers.map((answer, index): tl.RawPollAnswer => {
    const text = answer.text.text;
    if (!text.trim() || text.length > MAX_ANSWER_LENGTH) {
      throw new RpcFailure(400, "POLL_ANSWER_INVALID");
    }
    return {
      _: "pollAnswer",
      text: answer.text,
      option: answer._ === "pollAnswer"
        ? answer.option
        : new TextEncoder().encode(String(index)),
    };
  });
  const options = answers.map((answer) => answer.option);
  if (options.some((option, i) => includesBytes(options.slice(0, i), option))) {
    throw new RpcFailure(400, "POLL_OPTION_DUPLICATE");
  }
  return answers;
}

function correctOptions(
  input: tl.RawInputMediaPoll,
  answers: tl.RawPollAnswer[],
): Uint8Array[] {
  if (!input.poll.quiz) return [];
  if (input.poll.multipleChoice) {
    throw new RpcFailure(400, "QUIZ_MULTIPLE_INVALID");
  }
  const correct = input.correctAnswers ?? [];
  if (correct.length === 0) {
    throw new RpcFailure(400, "QUIZ_CORRECT_ANSWERS_EMPTY");
  }
  if (correct.length > 1) {
    throw new RpcFailure(400, "QUIZ_CORRECT_ANSWERS_TOO_MUCH");
  }
  return correct.map((index) => {
    const answer = answers[index];
    if (!answer) throw new RpcFailure(400, "QUIZ_CORRECT_ANSWER_INVALID");
    return answer.option;
  });
}

/** A new poll from `inputMediaPoll`, created by `creatorId`, as the media stored in its message. */
export function createPollMedia(
  input: tl.RawInputMediaPoll,
  creatorId: number,
): tl.RawMessageMediaPoll {
  if (input.poll._ !== "poll") throw new RpcFailure(400, "MEDIA_INVALID");
  const question = input.poll.question.text;
  if (!question.trim() || question.length > MAX_QUESTION_LENGTH) {
    throw new RpcFailure(400, "POLL_QUESTION_INVALID");
  }
  const count = input.poll.answers.length;
  if (count < MIN_ANSWERS || count > MAX_ANSWERS) {
    throw new RpcFailure(400, "POLL_ANSWERS_INVALID");
  }
  const answers = storedAnswers(input.poll);
  const { closePeriod } = input.poll;
  const poll: tl.RawPoll = {
    ...input.poll,
    id: randomLong(),
    answers,
    creator: undefined,
    closeDate: input.poll.closeDate ??
      (closePeriod ? now() + closePeriod : undefined),
    hash: randomLong(),
  };
  const media: tl.RawMessageMediaPoll = {
    _: "messageMediaPoll",
    poll,
    results: { _: "pollResults", results: [], totalVoters: 0 },
  };
  records.set(media, {
    poll,
    answers,
    creatorId,
    correct: correctOptions(input, answers),
    solution: input.solution,
    solutionEntities: input.solutionEntities,
    votes: new Map(),
    votedAt: new Map(),
  });
  return media;
}

function isClosed(record: PollRecord): boolean {
  const { closed, closeDate } = record.poll;
  return closed === true || (closeDate !== undefined && now() >= closeDate);
}

function pollOf(media: tl.TypeMessageMedia | undefined): PollRecord {
  const record = media && records.get(media);
  if (!record) throw new RpcFailure(400, "MESSAGE_ID_INVALID");
  return record;
}

function viewPoll(record: PollRecord, viewerId: number): tl.RawPoll {
  return {
    ...record.poll,
    closed: isClosed(record) || undefined,
    creator: viewerId === record.creatorId || undefined,
  };
}

function viewResults(record: PollRecord, viewerId: number): tl.RawPollResults {
  const chosen = record.votes.get(viewerId) ?? [];
  const revealed = chosen.length > 0 || isClosed(record) ||
    viewerId === record.creatorId;
  const votes = [...record.votes.values()];
  const quiz = record.poll.quiz === true;
  const voters = [...record.votes.keys()];
  const recent = (ids: number[]) =>
    record.poll.publicVoters ? ids.slice(-RECENT_VOTERS).map(tlPeer) : [];
  const votersOf = (option: Uint8Array) =>
    voters.filter((id) => includesBytes(record.votes.get(id)!, option));
  return {
    _: "pollResults",
    results: revealed
      ? record.answers.map((answer): tl.RawPollAnswerVoters => ({
        _: "pollAnswerVoters",
        option: answer.option,
        voters: votersOf(answer.option).length,
        // Telegram sends voters and recent voters together (one flag)
        recentVoters: recent(votersOf(answer.option)),
        chosen: includesBytes(chosen, answer.option) || undefined,
        correct: quiz && includesBytes(record.correct, answer.option) ||
          undefined,
      }))
      : undefined,
    totalVoters: votes.length,
    recentVoters: revealed ? recent(voters) : undefined,
    solution: quiz && revealed ? record.solution : undefined,
    // the solution and its entities share a flag
    solutionEntities: quiz && revealed && record.solution !== undefined
      ? record.solutionEntities ?? []
      : undefined,
  };
}

/** `media` as `viewerId` sees it: a poll with the viewer's own votes and flags; any other media as is. */
export function viewPollMedia(
  media: tl.TypeMessageMedia,
  viewerId: number,
): tl.TypeMessageMedia {
  const record = records.get(media);
  if (!record || media._ !== "messageMediaPoll") return media;
  return {
    ...media,
    poll: viewPoll(record, viewerId),
    results: viewResults(record, viewerId),
  };
}

/** Whether `media` is a live poll of this world. */
export function isPoll(media: tl.TypeMessageMedia | undefined): boolean {
  return media !== undefined && records.has(media);
}

/** `messages.sendVote`: replaces `voterId`'s vote (none retracts it) with Telegram's rules. */
export function vote(
  media: tl.TypeMessageMedia | undefined,
  voterId: number,
  options: Uint8Array[],
): void {
  const record = pollOf(media);
  if (isClosed(record)) throw new RpcFailure(400, "MESSAGE_POLL_CLOSED");
  if (options.length > 1 && !record.poll.multipleChoice) {
    throw new RpcFailure(400, "OPTIONS_TOO_MUCH");
  }
  const known = record.answers.map((answer) => answer.option);
  if (options.some((option) => !includesBytes(known, option))) {
    throw new RpcFailure(400, "OPTION_INVALID");
  }
  // quiz answers are final, as are votes in polls with revoting disabled
  const final = record.poll.quiz || record.poll.revotingDisabled;
  if (final && record.votes.has(voterId)) {
    throw new RpcFailure(400, "REVOTE_NOT_ALLOWED");
  }
  if (options.length === 0) record.votes.delete(voterId);
  else {
    record.votes.delete(voterId);
    record.votes.set(voterId, options);
    record.votedAt.set(voterId, now());
  }
}

/** One ballot of a poll: who voted, for which options, when. */
export interface Ballot {
  voterId: number;
  options: Uint8Array[];
  date: number;
}

/** The poll of `media`: whether it is public (non-anonymous), its answers and its ballots, newest first. */
export function pollBallots(
  media: tl.TypeMessageMedia | undefined,
): { isPublic: boolean; answers: tl.RawPollAnswer[]; ballots: Ballot[] } {
  const record = pollOf(media);
  const ballots = [...record.votes].map(([voterId, options]) => ({
    voterId,
    options,
    date: record.votedAt.get(voterId) ?? 0,
  })).reverse();
  return {
    isPublic: record.poll.publicVoters === true,
    answers: record.answers,
    ballots,
  };
}

/** Closes the poll for good (`messages.editMessage` with a closed `inputMediaPoll`); `MESSAGE_NOT_MODIFIED` if it already is. */
export function closePoll(media: tl.TypeMessageMedia | undefined): void {
  const record = pollOf(media);
  if (isClosed(record)) throw new RpcFailure(400, "MESSAGE_NOT_MODIFIED");
  record.poll = { ...record.poll, closed: true };
}

/** The `updateMessagePoll` for `viewerId`'s copy `msgId` of the chat `peerKey` (with the poll itself when it changed). */
export function pollUpdate(
  media: tl.TypeMessageMedia | undefined,
  viewer: { viewerId: number; peerKey: number; msgId: number },
  withPoll: boolean,
): tl.RawUpdateMessagePoll {
  const record = pollOf(media);
  return {
    _: "updateMessagePoll",
    peer: tlPeer(viewer.peerKey),
    msgId: viewer.msgId,
    pollId: record.poll.id,
    poll: withPoll ? viewPoll(record, viewer.viewerId) : undefined,
    results: viewResults(record, viewer.viewerId),
  };
}
