/** ButtonStyle in MTKruto's shape (types.md §10.2): a keyboard button's colour and icon. */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";

/** The background colour and the custom emoji shown before the label. */
export interface ButtonStyle {
  background?: "danger" | "primary" | "success";
  customEmojiId?: string;
}

/** The ButtonStyle of a TL style, or undefined when it sets neither a colour nor an icon. */
export function renderButtonStyle(
  style: tl.TypeKeyboardButtonStyle | undefined,
): ButtonStyle | undefined {
  if (!style) return undefined;
  // MTKruto tests the icon id for truth, so a zero id counts as none.
  const icon = style.icon?.isZero() ? undefined : style.icon;
  if (!style.bgDanger && !style.bgPrimary && !style.bgSuccess && !icon) {
    return undefined;
  }
  return omitUndefined({
    background: style.bgDanger
      ? "danger" as const
      : style.bgPrimary
      ? "primary" as const
      : style.bgSuccess
      ? "success" as const
      : undefined,
    customEmojiId: icon?.toString(),
  });
}
