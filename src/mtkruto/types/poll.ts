/** Poll and PollOption in MTKruto's shape, from TL `messageMediaPoll` (types.md §11). */
import type { tl } from "@mtcute/core";
import { type MessageEntity, renderEntities } from "./message_entity.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { type ChatP, peerChatP } from "./peers.ts";
import {
  type PollContext,
  type PollMedia,
  renderPollMedia,
} from "./poll_media.ts";
import { RenderError } from "./render_error.ts";

export type { PollContext, PollMedia } from "./poll_media.ts";

/** One answer of a poll with its results. */
export interface PollOption {
  id: string;
  text: string;
  entities: MessageEntity[];
  voterCount: number;
  isChosen: boolean;
  media?: PollMedia;
  addedBy?: ChatP;
  addedAt?: number;
}

/** A poll or quiz with its current results. */
export interface Poll {
  id: string;
  question: string;
  questionEntities: MessageEntity[];
  media?: PollMedia;
  options: PollOption[];
  totalVoterCount: number;
  isClosed: boolean;
  isAnonymous: boolean;
  type: "regular" | "quiz";
  allowMultipleAnswers?: boolean;
  correctOptionIndexes?: number[];
  explanation?: string;
  explanationEntities?: MessageEntity[];
  explanationMedia?: PollMedia;
  openPeriod?: number;
  closeDate?: number;
  countries?: string[];
}

// Lenient like MTKruto's: option bytes that are not UTF-8 still give an id.
const optionDecoder = new TextDecoder();

/** An option's bytes as the text MTKruto uses for its id (e.g. "0"). */
export function pollOptionId(option: Uint8Array): string {
  return optionDecoder.decode(option);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The answer a poll from Telegram holds (the input-only constructor never comes back). */
function receivedAnswer(answer: tl.TypePollAnswer): tl.RawPollAnswer {
  if (answer._ !== "pollAnswer") {
    throw new RenderError(`Poll answer is ${answer._}, not a pollAnswer`);
  }
  return answer;
}

/** The PollOption of a TL answer, its voter data matched by option bytes in `results`. */
export function renderPollOption(
  answer: tl.TypePollAnswer,
  results: readonly tl.TypePollAnswerVoters[],
  context: PollContext = {},
): PollOption {
  const option = receivedAnswer(answer);
  const result = results.find((voters) =>
    sameBytes(voters.option, option.option)
  );
  return omitUndefined({
    id: pollOptionId(option.option),
    text: option.text.text,
    entities: renderEntities(option.text.entities),
    voterCount: result?.voters ?? 0,
    isChosen: result?.chosen ?? false,
    media: option.media && renderPollMedia(option.media, context),
    addedBy: option.addedBy && context.peers
      ? peerChatP(context.peers, option.addedBy)
      : undefined,
    addedAt: option.date,
  });
}

/** Indexes (option ids as numbers) of the answers marked correct; undefined when the results list none at all. */
function correctOptionIndexes(
  poll: tl.RawPoll,
  results: tl.RawPollResults,
): number[] | undefined {
  if (!results.results) return undefined;
  const correct = results.results.filter((voters) => voters.correct);
  return poll.answers
    .map(receivedAnswer)
    .filter((answer) =>
      correct.some((voters) => sameBytes(voters.option, answer.option))
    )
    .map((answer) => Number(pollOptionId(answer.option)));
}

/**
 * The Poll of a TL poll medium. `context` supplies what the TL lacks (peers
 * for `addedBy`, sticker set names, LinkPreviews); without it those parts
 * are left out.
 */
export function renderPoll(
  media: tl.RawMessageMediaPoll,
  context: PollContext = {},
): Poll {
  const { poll, results } = media;
  return omitUndefined({
    id: poll.id.toString(),
    question: poll.question.text,
    questionEntities: renderEntities(poll.question.entities),
    media: media.attachedMedia &&
      renderPollMedia(media.attachedMedia, context),
    options: poll.answers.map((answer) =>
      renderPollOption(answer, results.results ?? [], context)
    ),
    totalVoterCount: results.totalVoters ?? 0,
    isClosed: poll.closed ?? false,
    isAnonymous: !poll.publicVoters,
    type: poll.quiz ? "quiz" as const : "regular" as const,
    allowMultipleAnswers: poll.quiz ? undefined : poll.multipleChoice ?? false,
    correctOptionIndexes: correctOptionIndexes(poll, results),
    explanation: results.solution,
    explanationEntities: results.solutionEntities &&
      renderEntities(results.solutionEntities),
    explanationMedia: results.solutionMedia &&
      renderPollMedia(results.solutionMedia, context),
    openPeriod: poll.closePeriod,
    closeDate: poll.closeDate,
    countries: poll.countriesIso2,
  });
}
