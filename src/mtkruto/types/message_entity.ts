/** MessageEntity in MTKruto's shape, rendered from Telegram's TL entities (types.md §4.6). */
import type { tl } from "@mtcute/core";

/** Entity kinds that carry nothing but their range. */
export type PlainEntityType =
  | "mention"
  | "hashtag"
  | "botCommand"
  | "url"
  | "email"
  | "bold"
  | "italic"
  | "code"
  | "cashtag"
  | "phoneNumber"
  | "underline"
  | "strikethrough"
  | "bankCard"
  | "spoiler";

/** A range of text (UTF-16 code units, as Telegram counts) and what it is. */
export type MessageEntity =
  & { offset: number; length: number }
  & (
    | { type: PlainEntityType }
    | { type: "pre"; language: string }
    | { type: "textLink"; url: string }
    | { type: "textMention"; userId: number }
    | { type: "blockquote"; collapsible?: true }
    | { type: "customEmoji"; customEmojiId: string }
    | { type: "dateTime"; dateTime: number; format?: string }
  );

/** TL constructors of the plain kinds, by MTKruto name (also read by the input side). */
export const PLAIN_ENTITY_CONSTRUCTORS: Record<PlainEntityType, string> = {
  mention: "messageEntityMention",
  hashtag: "messageEntityHashtag",
  botCommand: "messageEntityBotCommand",
  url: "messageEntityUrl",
  email: "messageEntityEmail",
  bold: "messageEntityBold",
  italic: "messageEntityItalic",
  code: "messageEntityCode",
  cashtag: "messageEntityCashtag",
  phoneNumber: "messageEntityPhone",
  underline: "messageEntityUnderline",
  strikethrough: "messageEntityStrike",
  bankCard: "messageEntityBankCard",
  spoiler: "messageEntitySpoiler",
};

const PLAIN_BY_CONSTRUCTOR = new Map<string, PlainEntityType>(
  Object.entries(PLAIN_ENTITY_CONSTRUCTORS).map((
    [type, constructor],
  ) => [constructor, type as PlainEntityType]),
);

/** The `format` of a dateTime entity: its flags' letters in MTKruto's order, or undefined without any. */
function dateTimeFormat(
  entity: tl.RawMessageEntityFormattedDate,
): string | undefined {
  const format = (entity.relative ? "r" : "") +
    (entity.dayOfWeek ? "w" : "") +
    (entity.shortDate ? "d" : entity.longDate ? "D" : "") +
    (entity.shortTime ? "t" : entity.longTime ? "T" : "");
  return format || undefined;
}

/** One TL entity in MTKruto's shape, or undefined for kinds MTKruto drops. */
export function renderEntity(
  entity: tl.TypeMessageEntity,
): MessageEntity | undefined {
  const range = { offset: entity.offset, length: entity.length };
  const plain = PLAIN_BY_CONSTRUCTOR.get(entity._);
  if (plain) return { type: plain, ...range };
  switch (entity._) {
    case "messageEntityPre":
      return { type: "pre", ...range, language: entity.language };
    case "messageEntityTextUrl":
      return { type: "textLink", ...range, url: entity.url };
    case "messageEntityMentionName":
      return { type: "textMention", ...range, userId: entity.userId };
    case "messageEntityBlockquote":
      return entity.collapsed
        ? { type: "blockquote", ...range, collapsible: true }
        : { type: "blockquote", ...range };
    case "messageEntityCustomEmoji":
      return {
        type: "customEmoji",
        ...range,
        customEmojiId: entity.documentId.toString(),
      };
    case "messageEntityFormattedDate": {
      const format = dateTimeFormat(entity);
      return format === undefined
        ? { type: "dateTime", ...range, dateTime: entity.date }
        : { type: "dateTime", ...range, dateTime: entity.date, format };
    }
    default:
      return undefined;
  }
}

/** A TL entity list in MTKruto's shape (always an array; unknown kinds left out). */
export function renderEntities(
  entities: readonly tl.TypeMessageEntity[] | undefined,
): MessageEntity[] {
  const rendered: MessageEntity[] = [];
  for (const entity of entities ?? []) {
    const one = renderEntity(entity);
    if (one) rendered.push(one);
  }
  return rendered;
}
