/**
 * sendPoll's question, options and SendPollParams (0.216) → mtcute's poll or
 * quiz medium, and InputPollMedia → the media a poll, option or explanation
 * shows (methods.md §A.3, §B.2).
 */
import type {
  InputMediaLike,
  InputPollAnswer,
  TextWithEntities,
} from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { parseText } from "../text/parse_mode.ts";
import { omitUndefined } from "../types/omit_undefined.ts";
import { toFileMedia } from "./file_media.ts";
import { toGeoPoint, toLatitude, toLongitude } from "./geo.ts";
import {
  at,
  given,
  type JsonObject,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalList,
  optionalString,
  POSITIVE_INT32,
  readArray,
  readInteger,
  readObject,
  readString,
  readType,
  requiredString,
} from "./read.ts";

const POLL_MEDIA_TYPES = [
  "animation",
  "photo",
  "video",
  "sticker",
  "livePhoto",
  "location",
  "venue",
  "link",
] as const;

/** SendPollParams keys whose TL fields mtcute's poll medium cannot set. */
const UNSUPPORTED = ["countries", "isSubscriberOnly"];

/**
 * sendPoll → `{type: "poll" | "quiz", question, answers, …}`. Options are
 * 0.216 InputPollOption objects `{text, parseMode?, entities?, media?}` or
 * plain strings; `correctOptionIndexes` marks a quiz's right answers,
 * `closeDate` is Unix seconds and `description` becomes the caption.
 */
export function toPollMedia(
  question: unknown,
  options: unknown,
  params: Record<string, unknown>,
  path: string,
): InputMediaLike {
  const object = readObject(params, path);
  for (const key of UNSUPPORTED) {
    if (given(object, key)) {
      throw new InputError(
        `${at(path, key)} is not supported by this server`,
      );
    }
  }
  const questionText = readString(question, "question");
  if (questionText.trim().length === 0) {
    throw new InputError("question must not be empty");
  }
  const list = readArray(options, "options");
  if (list.length === 0) {
    throw new InputError("options must hold at least one option");
  }
  const answers = list.map((option, index) =>
    toPollAnswer(option, at("options", index))
  );
  const isQuiz = optionalEnum(object, "type", path, ["regular", "quiz"]) ===
    "quiz";
  const closeDate = optionalInteger(object, "closeDate", path, POSITIVE_INT32);
  const isRevotingAllowed = optionalBoolean(object, "isRevotingAllowed", path);
  const isAnonymous = optionalBoolean(object, "isAnonymous", path);
  const poll = omitUndefined({
    type: isQuiz ? "quiz" : "poll",
    question: parseText(
      questionText.trim(),
      {
        parseMode: object.questionParseMode,
        entities: object.questionEntities,
      },
      path,
      {
        textName: "question",
        parseModeKey: "questionParseMode",
        entitiesKey: "questionEntities",
      },
    ),
    answers,
    attachedMedia: pollMedia(object, "media", path),
    closed: optionalBoolean(object, "isClosed", path),
    public: isAnonymous === false || undefined,
    multiple: optionalBoolean(object, "isMultipleAnswersAllowed", path),
    closePeriod: optionalInteger(object, "openPeriod", path, POSITIVE_INT32),
    // MTKruto takes Unix seconds; mtcute reads a number as milliseconds.
    closeDate: closeDate === undefined ? undefined : closeDate * 1000,
    openAnswers: optionalBoolean(object, "isAddingOptionsAllowed", path),
    disableRevoting: isRevotingAllowed === false || undefined,
    shuffleAnswers: optionalBoolean(object, "isShuffled", path),
    hideResultsUntilClose: optionalBoolean(object, "isResultHidden", path),
    caption: textOf(object, "description", path),
  });
  const correct = optionalList(
    object,
    "correctOptionIndexes",
    path,
    (item, itemPath) =>
      readInteger(item, itemPath, { min: 0, max: answers.length - 1 }),
  );
  if (!isQuiz) {
    return poll as InputMediaLike;
  }
  return omitUndefined({
    ...poll,
    // A quiz without them is Telegram's to refuse; mtcute would send [undefined].
    correct: correct ?? [],
    solution: textOf(object, "explanation", path),
    solutionMedia: pollMedia(object, "explanationMedia", path),
  }) as InputMediaLike;
}

/** InputPollMedia → the medium it shows; file kinds take the same keys as their send params, without a caption. */
export function toPollAttachment(value: unknown, path: string): InputMediaLike {
  const media = readObject(value, path);
  const type = readType(media, path, POLL_MEDIA_TYPES);
  const noCaption = { caption: false };
  switch (type) {
    case "animation":
    case "photo":
    case "video":
    case "sticker":
      return toFileMedia(
        type,
        media[type],
        at(path, type),
        media,
        path,
        noCaption,
      );
    case "livePhoto":
      return {
        ...toFileMedia(
          "photo",
          media.photo,
          at(path, "photo"),
          media,
          path,
          noCaption,
        ),
        livePhotoVideo: toFileMedia(
          "video",
          media.video,
          at(path, "video"),
          {},
          path,
          noCaption,
        ),
      } as InputMediaLike;
    case "location":
      return {
        _: "inputMediaGeoPoint" as const,
        geoPoint: toGeoPoint(media.latitude, media.longitude, media, {
          latitude: at(path, "latitude"),
          longitude: at(path, "longitude"),
          object: path,
        }),
      };
    case "venue":
      return {
        type: "venue",
        latitude: toLatitude(media.latitude, at(path, "latitude")),
        longitude: toLongitude(media.longitude, at(path, "longitude")),
        title: requiredString(media, "title", path),
        address: requiredString(media, "address", path),
        source: {
          provider: "foursquare",
          id: optionalString(media, "foursquareId", path) ?? "",
          type: optionalString(media, "foursquareType", path) ?? "",
        },
      };
    case "link":
      return {
        type: "webpage",
        url: requiredString(media, "url", path, { nonEmpty: true }),
      };
  }
}

/** One option: a string, or `{text, parseMode?, entities?, media?}`. */
function toPollAnswer(value: unknown, path: string): InputPollAnswer {
  if (typeof value === "string") {
    return { text: parseText(value, {}, path, { textName: path }) };
  }
  const option = readObject(value, path);
  return omitUndefined({
    text: parseText(
      option.text,
      {
        parseMode: option.parseMode,
        entities: option.entities,
      },
      path,
      { textName: at(path, "text") },
    ),
    media: pollMedia(option, "media", path),
  });
}

function pollMedia(
  object: JsonObject,
  key: string,
  path: string,
): InputMediaLike | undefined {
  return given(object, key)
    ? toPollAttachment(object[key], at(path, key))
    : undefined;
}

/** `object[key]` parsed with its `<key>ParseMode` and `<key>Entities`, undefined when absent. */
function textOf(
  object: JsonObject,
  key: string,
  path: string,
): TextWithEntities | undefined {
  const text = optionalString(object, key, path);
  if (text === undefined) return undefined;
  return parseText(
    text,
    {
      parseMode: object[`${key}ParseMode`],
      entities: object[`${key}Entities`],
    },
    path,
    {
      textName: at(path, key),
      parseModeKey: `${key}ParseMode`,
      entitiesKey: `${key}Entities`,
    },
  );
}
