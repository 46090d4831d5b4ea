/** Voting in polls and listing their voters, as MTKruto's vote, retractVote and getPollVoters (user accounts). */
import { type InputPeerLike, PeersIndex, type Poll } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import {
  optionalInteger,
  optionalString,
  pageLimit,
  readArray,
  readInteger,
} from "../params/read.ts";
import { renderPollVoterList } from "../types/poll_voters.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  messageIdParam,
  optionsParam,
} from "./params.ts";

const OPTION_INDEX = { min: 0, max: 0x7fffffff };

/** A non-empty list of option indexes, duplicates dropped as MTKruto drops them. */
function optionIndexesParam() {
  return customParam("optionIndexes", "number[]", (value, path) => {
    const list = readArray(value, path).map((item, index) =>
      readInteger(item, `${path}[${index}]`, OPTION_INDEX)
    );
    if (list.length === 0) {
      throw new InputError(`${path} must name at least one option`);
    }
    return [...new Set(list)];
  });
}

/** The poll of message `messageId`; an InputError when there is none. */
async function pollOf(
  call: DialectCall,
  chatId: InputPeerLike,
  messageId: number,
): Promise<Poll> {
  const [message] = await call.client.getMessages(chatId, [messageId]);
  if (!message) throw new InputError("Message not found.");
  if (message.media?.type !== "poll") {
    throw new InputError("The message is not a poll.");
  }
  return message.media;
}

/** Replaces the account's vote in the poll with `optionIndexes` (none retracts it), checked as MTKruto checks it. */
async function castVote(
  call: DialectCall,
  target: { chatId: InputPeerLike; messageId: number },
  optionIndexes: number[],
): Promise<null> {
  const poll = await pollOf(call, target.chatId, target.messageId);
  const chosen = poll.answers.flatMap((answer, index) =>
    answer.chosen ? [index] : []
  );
  if (chosen.length === 0 && optionIndexes.length === 0) {
    throw new InputError("No vote has been cast.");
  }
  if (!poll.isMultiple && optionIndexes.length > 1) {
    throw new InputError("Cannot cast a vote for multiple options.");
  }
  if (optionIndexes.some((index) => index >= poll.answers.length)) {
    throw new InputError("Got invalid option index.");
  }
  if (
    optionIndexes.length > 0 && chosen.length === optionIndexes.length &&
    chosen.every((index) => optionIndexes.includes(index))
  ) {
    throw new InputError("The same options are already cast.");
  }
  const updates = await call.client.call({
    _: "messages.sendVote",
    peer: await call.client.resolvePeer(target.chatId),
    msgId: target.messageId,
    options: optionIndexes.map((index) => poll.answers[index].data),
  });
  call.client.handleClientUpdate(updates);
  return null;
}

/** Option bytes as MTKruto names them: the option's index as text. */
function optionBytes(index: number): Uint8Array {
  return new TextEncoder().encode(String(index));
}

/** vote, retractVote and getPollVoters. */
export const POLL_METHODS: DialectMethod[] = [
  defineMethod(
    "vote",
    "user",
    [chatIdParam(), messageIdParam(), optionIndexesParam()],
    "void",
    async (call, chatId, messageId, optionIndexes) =>
      await castVote(call, { chatId, messageId }, optionIndexes),
  ),
  defineMethod(
    "retractVote",
    "user",
    [chatIdParam(), messageIdParam()],
    "void",
    async (call, chatId, messageId) =>
      await castVote(call, { chatId, messageId }, []),
  ),
  defineMethod(
    "getPollVoters",
    "user",
    [chatIdParam(), messageIdParam(), optionsParam("GetPollVotersParams")],
    "PollVoterList",
    async (call, chatId, messageId, params) => {
      const optionIndex = optionalInteger(
        params,
        "optionIndex",
        "params",
        OPTION_INDEX,
      );
      const offset = optionalString(params, "offset", "params");
      const limit = pageLimit(params);
      const result = await call.client.call({
        _: "messages.getPollVotes",
        peer: await call.client.resolvePeer(chatId),
        id: messageId,
        option: optionIndex === undefined
          ? undefined
          : optionBytes(optionIndex),
        offset,
        limit,
      });
      return renderPollVoterList(result, PeersIndex.from(result), optionIndex);
    },
  ),
];
