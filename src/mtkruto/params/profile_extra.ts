/** Readers of the profile settings' inputs: Birthday, InputEmojiStatus and the color params (MTKruto 0.216's shapes). */
import { Long, type tl } from "@mtcute/core";
import {
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalDecimal,
  optionalInteger,
  POSITIVE_INT32,
  readObject,
  readType,
  requiredDecimal,
  requiredInteger,
} from "./read.ts";

/** `Birthday` (`{day, month, year?}`) → TL birthday; the calendar check is Telegram's (BIRTHDAY_INVALID). */
export function readBirthday(value: unknown, path: string): tl.RawBirthday {
  const birthday = readObject(value, path);
  return {
    _: "birthday",
    day: requiredInteger(birthday, "day", path, { min: 1, max: 31 }),
    month: requiredInteger(birthday, "month", path, { min: 1, max: 12 }),
    year: optionalInteger(birthday, "year", path, POSITIVE_INT32),
  };
}

/** `InputEmojiStatus` → the TL emoji status account.updateEmojiStatus takes, `until` still to add. */
export function readInputEmojiStatus(
  value: unknown,
  path: string,
): tl.RawEmojiStatus | tl.RawInputEmojiStatusCollectible {
  const status = readObject(value, path);
  if (readType(status, path, ["customEmoji", "gift"]) === "customEmoji") {
    const id = requiredDecimal(status, "customEmojiId", path);
    return { _: "emojiStatus", documentId: Long.fromString(id) };
  }
  const giftId = requiredInteger(status, "giftId", path, NON_NEGATIVE_INT32);
  return {
    _: "inputEmojiStatusCollectible",
    collectibleId: Long.fromNumber(giftId),
  };
}

/** A palette id and SetNameColorParams / SetProfileColorParams' `customEmojiId` → TL peerColor. */
export function toPeerColor(
  color: number,
  params: JsonObject,
): tl.RawPeerColor {
  const emojiId = optionalDecimal(params, "customEmojiId", "params");
  return {
    _: "peerColor",
    color,
    backgroundEmojiId: emojiId === undefined
      ? undefined
      : Long.fromString(emojiId),
  };
}
