/** MTKruto 0.216's ButtonStyle (a button's colour and icon) → TL keyboardButtonStyle. */
import { Long, type tl } from "@mtcute/core";
import { omitUndefined } from "../types/omit_undefined.ts";
import { optionalDecimal, optionalEnum, readObject } from "./read.ts";

const BACKGROUNDS = ["danger", "primary", "success"] as const;

/** `{background?: "danger" | "primary" | "success", customEmojiId?: string}` → keyboardButtonStyle, undefined when absent. */
export function toButtonStyle(
  value: unknown,
  path: string,
): tl.RawKeyboardButtonStyle | undefined {
  if (value === undefined || value === null) return undefined;
  const style = readObject(value, path);
  const background = optionalEnum(style, "background", path, BACKGROUNDS);
  const icon = optionalDecimal(style, "customEmojiId", path);
  return omitUndefined({
    _: "keyboardButtonStyle" as const,
    bgDanger: background === "danger" || undefined,
    bgPrimary: background === "primary" || undefined,
    bgSuccess: background === "success" || undefined,
    icon: icon === undefined ? undefined : Long.fromString(icon),
  });
}
