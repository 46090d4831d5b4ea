/**
 * MessageEntity objects a caller gives explicitly (`entities`,
 * `captionEntities`, `questionEntities` …): each field checked, then turned
 * into the TL entities mtcute sends. A textMention, and a textLink to
 * `tg://user?id=`, become messageEntityMentionName, which mtcute resolves to
 * the user's input entity before sending.
 */
import { Long, type tl } from "@mtcute/core";
import { describeValue } from "../../describe_value.ts";
import { InputError } from "../../errors.ts";
import {
  type MessageEntity,
  PLAIN_ENTITY_CONSTRUCTORS,
  type PlainEntityType,
} from "../types/message_entity.ts";
import { DATE_TIME_FORMAT_RULE, dateTimeFlags } from "./date_time_format.ts";
import { checkCustomEmojiId, mentionedUser } from "./links.ts";

const OTHER_TYPES = [
  "pre",
  "textLink",
  "textMention",
  "blockquote",
  "customEmoji",
  "dateTime",
] as const;

const ENTITY_TYPES: readonly string[] = [
  ...Object.keys(PLAIN_ENTITY_CONSTRUCTORS),
  ...OTHER_TYPES,
];

const MAX_INT32 = 2 ** 31 - 1;

function isPlainType(type: string): type is PlainEntityType {
  return Object.hasOwn(PLAIN_ENTITY_CONSTRUCTORS, type);
}

function invalid(path: string, expected: string, got: unknown): InputError {
  return new InputError(
    `${path} must be ${expected}; got ${describeValue(got)}`,
  );
}

/** `value` if it is an integer from `min` up to `max`. */
function integer(
  value: unknown,
  path: string,
  expected: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (
    typeof value !== "number" || !Number.isSafeInteger(value) ||
    value < min || value > max
  ) {
    throw invalid(path, expected, value);
  }
  return value;
}

/** One caller's entity, checked, as a fresh object in MTKruto's shape. */
export function checkEntity(value: unknown, path: string): MessageEntity {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(path, "a MessageEntity object", value);
  }
  const fields = value as Record<string, unknown>;
  const type = fields.type;
  if (typeof type !== "string" || !ENTITY_TYPES.includes(type)) {
    throw invalid(`${path}.type`, `one of ${ENTITY_TYPES.join(", ")}`, type);
  }
  const range = {
    offset: integer(
      fields.offset,
      `${path}.offset`,
      "a non-negative integer",
      0,
    ),
    length: integer(
      fields.length,
      `${path}.length`,
      "a non-negative integer",
      0,
    ),
  };
  if (isPlainType(type)) return { type, ...range };
  switch (type as typeof OTHER_TYPES[number]) {
    case "pre": {
      const language = fields.language ?? "";
      if (typeof language !== "string") {
        throw invalid(`${path}.language`, "a string", language);
      }
      return { type: "pre", ...range, language };
    }
    case "textLink": {
      const url = fields.url;
      if (typeof url !== "string" || url === "") {
        throw invalid(`${path}.url`, "a non-empty string", url);
      }
      const user = mentionedUser(url);
      if (user !== undefined && "problem" in user) {
        throw new InputError(`${path}.url: ${user.problem}`);
      }
      return { type: "textLink", ...range, url };
    }
    case "textMention":
      return {
        type: "textMention",
        ...range,
        userId: integer(
          fields.userId,
          `${path}.userId`,
          "a user id (a positive integer)",
          1,
        ),
      };
    case "blockquote": {
      const collapsible = fields.collapsible;
      if (collapsible !== undefined && typeof collapsible !== "boolean") {
        throw invalid(`${path}.collapsible`, "true or false", collapsible);
      }
      return collapsible
        ? { type: "blockquote", ...range, collapsible: true }
        : { type: "blockquote", ...range };
    }
    case "customEmoji": {
      const id = fields.customEmojiId;
      const checked = typeof id === "string" ? checkCustomEmojiId(id) : null;
      if (checked === null || "problem" in checked) {
        throw invalid(
          `${path}.customEmojiId`,
          "a custom emoji id as a decimal string (a positive 64-bit integer)",
          id,
        );
      }
      return { type: "customEmoji", ...range, customEmojiId: checked.value };
    }
    case "dateTime": {
      const dateTime = integer(
        fields.dateTime,
        `${path}.dateTime`,
        "a date in Unix seconds (a positive 32-bit integer)",
        1,
        MAX_INT32,
      );
      const format = fields.format;
      if (format === undefined) return { type: "dateTime", ...range, dateTime };
      if (typeof format !== "string" || dateTimeFlags(format) === undefined) {
        throw invalid(`${path}.format`, DATE_TIME_FORMAT_RULE, format);
      }
      return { type: "dateTime", ...range, dateTime, format };
    }
  }
}

/** A caller's entity list, checked; null and undefined are no entities. */
export function checkEntities(
  entities: unknown,
  path: string,
): MessageEntity[] {
  if (entities === undefined || entities === null) return [];
  if (!Array.isArray(entities)) {
    throw invalid(path, "an array of MessageEntity objects", entities);
  }
  return entities.map((entity, i) => checkEntity(entity, `${path}[${i}]`));
}

/** The TL entity mtcute sends for a checked entity. */
export function entityToTl(entity: MessageEntity): tl.TypeMessageEntity {
  const range = { offset: entity.offset, length: entity.length };
  switch (entity.type) {
    case "pre":
      return { _: "messageEntityPre", ...range, language: entity.language };
    case "textLink": {
      const user = mentionedUser(entity.url);
      return user !== undefined && "value" in user
        ? { _: "messageEntityMentionName", ...range, userId: user.value }
        : { _: "messageEntityTextUrl", ...range, url: entity.url };
    }
    case "textMention":
      return { _: "messageEntityMentionName", ...range, userId: entity.userId };
    case "blockquote":
      return entity.collapsible
        ? { _: "messageEntityBlockquote", ...range, collapsed: true }
        : { _: "messageEntityBlockquote", ...range };
    case "customEmoji":
      return {
        _: "messageEntityCustomEmoji",
        ...range,
        documentId: Long.fromString(entity.customEmojiId),
      };
    case "dateTime":
      return {
        _: "messageEntityFormattedDate",
        ...range,
        date: entity.dateTime,
        ...dateTimeFlags(entity.format ?? ""),
      };
    default:
      return {
        _: PLAIN_ENTITY_CONSTRUCTORS[entity.type],
        ...range,
      } as tl.TypeMessageEntity;
  }
}

/** A caller's MessageEntity[] (or null/undefined) checked and converted to TL; errors name `path[i].field`. */
export function toTlEntities(
  entities: unknown,
  path: string,
): tl.TypeMessageEntity[] {
  return checkEntities(entities, path).map(entityToTl);
}
