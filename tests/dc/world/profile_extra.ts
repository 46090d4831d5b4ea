/**
 * The parts of a user's profile beyond names and usernames: birthday,
 * personal channel, emoji status and accent colors, as `account.updateBirthday`,
 * `account.updatePersonalChannel`, `account.updateEmojiStatus` and
 * `account.updateColor` set them (and the notification settings of
 * `notify_settings.ts`), and where Telegram shows them
 * (`user.emoji_status`, `user.color`, `user.profile_color`,
 * `userFull.birthday`, `userFull.personal_channel_id`).
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import { bareId } from "./peer_keys.ts";

/** What a user set beyond its names; every key is absent until set. */
export interface ProfileExtras {
  birthday?: tl.RawBirthday;
  /** The marked id of the channel shown on the profile. */
  personalChannelId?: number;
  /** The custom emoji shown next to the name, until `until` (Unix seconds) if given. */
  emojiStatus?: { documentId: tl.Long; until?: number };
  /** The accent color of names and reply headers. */
  color?: tl.RawPeerColor;
  /** The accent color of the profile page. */
  profileColor?: tl.RawPeerColor;
  /** Notification settings by `notifyKey` (see `notify_settings.ts`). */
  notifySettings?: Map<string, tl.RawPeerNotifySettings>;
}

/** Accent palettes `help.getPeerColors` / `help.getPeerProfileColors` list: 0–6 are the built-in ones, up to 20 in all. */
const MAX_COLOR_ID = 20;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Throws BIRTHDAY_INVALID unless `birthday` is a real date (29 February only in leap years when a year is given). */
export function checkBirthday(birthday: tl.RawBirthday, nowDate: Date): void {
  const { day, month, year } = birthday;
  const leap = year === undefined ||
    (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  const days = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= days;
  const pastYear = year === undefined ||
    (year >= 1900 && year <= nowDate.getUTCFullYear());
  if (!inRange || !pastYear) throw new RpcFailure(400, "BIRTHDAY_INVALID");
}

/** Throws COLOR_INVALID unless `color` names a palette that exists. */
export function checkColor(color: tl.TypePeerColor): void {
  if (color._ !== "peerColor") throw new RpcFailure(400, "COLOR_INVALID");
  const id = color.color;
  if (
    id !== undefined && (!Number.isInteger(id) || id < 0 || id > MAX_COLOR_ID)
  ) {
    throw new RpcFailure(400, "COLOR_INVALID");
  }
}

/** The emoji status still in effect at `nowSeconds`, if any. */
function activeEmojiStatus(
  extras: ProfileExtras,
  nowSeconds: number,
): ProfileExtras["emojiStatus"] {
  const status = extras.emojiStatus;
  if (!status || (status.until !== undefined && status.until <= nowSeconds)) {
    return undefined;
  }
  return status;
}

/** The `user` fields these extras fill, as anyone sees them. */
export function userExtrasTl(
  account: Account,
  nowSeconds: number,
): Pick<tl.RawUser, "emojiStatus" | "color" | "profileColor"> {
  const extras = account.extras;
  if (!extras) return {};
  const status = activeEmojiStatus(extras, nowSeconds);
  return {
    emojiStatus: status && { _: "emojiStatus", ...status },
    color: extras.color,
    profileColor: extras.profileColor,
  };
}

/** The `userFull` fields these extras fill. */
export function fullUserExtrasTl(
  account: Account,
): Pick<tl.RawUserFull, "birthday" | "personalChannelId"> {
  const extras = account.extras;
  if (!extras) return {};
  return {
    birthday: extras.birthday,
    // userFull carries the bare channel id
    personalChannelId: extras.personalChannelId === undefined
      ? undefined
      : bareId(extras.personalChannelId),
  };
}

/** The account's extras, created empty on first write. */
export function extrasOf(account: Account): ProfileExtras {
  account.extras ??= {};
  return account.extras;
}

/** The personal channel's key as a list (empty without one), for a result's `chats`. */
export function personalChannelKeys(account: Account): number[] {
  const key = account.extras?.personalChannelId;
  return key === undefined ? [] : [key];
}
