/**
 * The inputs of MTKruto 0.216's forum topic methods: topic ids (General is
 * 1; editing and deleting take the others only, as MTKruto checks), and
 * CreateTopicParams, EditTopicParams, GetTopicsParams.
 */
import { Long } from "@mtcute/core";
import { toChatId } from "./chat_id.ts";
import {
  at,
  fail,
  given,
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalDecimal,
  optionalInteger,
  POSITIVE_INT32,
  readArray,
  readInteger,
} from "./read.ts";
import { assertParamAccount, type DialectContext } from "./send.ts";

/** The General topic's id. */
export const GENERAL_TOPIC_ID = 1;
/** The most topics one `getTopics` call returns, as MTKruto caps it. */
export const MAX_TOPIC_LIST_LIMIT = 100;
/** The largest RGB color a topic icon can have. */
const MAX_ICON_COLOR = 0xFFFFFF;

/** A topic id: any topic (1, General, included), or with `nonGeneral` only the others. */
export function readTopicId(
  value: unknown,
  path: string,
  { nonGeneral = false } = {},
): number {
  return readInteger(value, path, {
    min: nonGeneral ? GENERAL_TOPIC_ID + 1 : GENERAL_TOPIC_ID,
    max: POSITIVE_INT32.max,
  });
}

/** A non-empty list of topic ids (General included). */
export function readTopicIds(value: unknown, path: string): number[] {
  const ids = readArray(value, path);
  if (ids.length === 0) fail(path, "a non-empty array of topic ids", value);
  return ids.map((id, index) => readTopicId(id, at(path, index)));
}

/** What creating a topic takes besides its title. */
export interface NewTopicOptions {
  iconColor?: number;
  iconEmojiId?: Long;
  /** The chat to create it as, still to resolve (user accounts only). */
  sendAs?: number | string;
}

/** A custom emoji id (a decimal string) as the TL long, if given. */
function customEmojiIdOf(params: JsonObject, path: string): Long | undefined {
  const id = optionalDecimal(params, "customEmojiId", path);
  return id === undefined ? undefined : Long.fromString(id);
}

/** CreateTopicParams: `color` (the default icon's RGB), `customEmojiId`, `sendAs` (users only). */
export function toNewTopicOptions(
  params: JsonObject,
  context: DialectContext,
  path: string,
): NewTopicOptions {
  assertParamAccount(params, "sendAs", "user", context);
  return {
    iconColor: optionalInteger(params, "color", path, {
      min: 0,
      max: MAX_ICON_COLOR,
    }),
    iconEmojiId: customEmojiIdOf(params, path),
    sendAs: given(params, "sendAs")
      ? toChatId(params.sendAs, at(path, "sendAs"))
      : undefined,
  };
}

/** EditTopicParams: `customEmojiId`, the new icon. */
export function toTopicIcon(
  params: JsonObject,
  path: string,
): Long | undefined {
  return customEmojiIdOf(params, path);
}

/** Where a `getTopics` page starts and how long it is. */
export interface TopicListQuery {
  offsetId: number;
  offsetDate: number;
  offsetTopic: number;
  limit: number;
}

/** GetTopicsParams: `offsetId`, `offsetDate`, `offsetTopicId` from an earlier page; `limit` 1–100 (default 100). */
export function toTopicListQuery(
  params: JsonObject,
  path: string,
): TopicListQuery {
  const offset = (key: string) =>
    optionalInteger(params, key, path, NON_NEGATIVE_INT32) ?? 0;
  return {
    offsetId: offset("offsetId"),
    offsetDate: offset("offsetDate"),
    offsetTopic: offset("offsetTopicId"),
    limit: optionalInteger(params, "limit", path, {
      min: 1,
      max: MAX_TOPIC_LIST_LIMIT,
    }) ?? MAX_TOPIC_LIST_LIMIT,
  };
}
