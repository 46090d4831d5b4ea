/** The `format` letters of a dateTime entity and the messageEntityFormattedDate flags they stand for. */
import type { tl } from "@mtcute/core";

/** The flags of messageEntityFormattedDate that a format sets. */
export type DateTimeFlags = Pick<
  tl.RawMessageEntityFormattedDate,
  "relative" | "dayOfWeek" | "shortDate" | "longDate" | "shortTime" | "longTime"
>;

/** What a valid format is, for error messages. */
export const DATE_TIME_FORMAT_RULE =
  '"r" (relative), or letters among w (day of the week), d (short date), D (long date), t (short time) and T (long time)';

/** The flags of `format` as Telegram reads it (TDLib's rules), or undefined if a letter is unknown. */
export function dateTimeFlags(format: string): DateTimeFlags | undefined {
  if (format === "r" || format === "R") return { relative: true };
  const flags: DateTimeFlags = {};
  for (const letter of format) {
    switch (letter) {
      case "w":
      case "W":
        flags.dayOfWeek = true;
        break;
      case "d":
        flags.shortDate = true;
        break;
      case "D":
        flags.longDate = true;
        break;
      case "t":
        flags.shortTime = true;
        break;
      case "T":
        flags.longTime = true;
        break;
      default:
        return undefined;
    }
  }
  return flags;
}
