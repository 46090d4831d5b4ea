/** InlineKeyboardButton in MTKruto's shape (types.md §10.2), from the TL buttons of `replyInlineMarkup`. */
import type { tl } from "@mtcute/core";
import { type ButtonStyle, renderButtonStyle } from "./button_style.ts";
import { bytesAsText } from "./bytes_text.ts";
import { omitUndefined } from "./omit_undefined.ts";

/** An inline button: its label, style and what pressing it does, told apart by `type`. */
export type InlineKeyboardButton =
  & { text: string; style?: ButtonStyle }
  & (
    | { type: "url"; url: string }
    | { type: "callbackData"; callbackData: string }
    | { type: "miniApp"; url: string }
    | { type: "loginUrl"; loginUrl: { url: string; forwardText?: string } }
    | { type: "switchInlineQuery"; inlineQuery: string }
    | { type: "switchInlineQueryCurrentChat"; inlineQuery: string }
    | {
      type: "switchInlineQueryChosenChats";
      inlineQuery: string;
      isUser?: true;
      isBot?: true;
      isGroup?: true;
      isChannel?: true;
    }
    | { type: "pay" }
    | { type: "callbackGame" }
    | { type: "copy"; textToCopy: string }
  );

/** `true` when any of the peer types is one of `kinds`, else undefined (MTKruto's `true?` flags). */
function allows(
  peerTypes: readonly tl.TypeInlineQueryPeerType[],
  ...kinds: tl.TypeInlineQueryPeerType["_"][]
): true | undefined {
  return peerTypes.some((type) => kinds.includes(type._)) || undefined;
}

function renderSwitchInline(
  button: tl.RawKeyboardButtonSwitchInline,
  style: ButtonStyle | undefined,
): InlineKeyboardButton {
  const { text, query: inlineQuery, peerTypes } = button;
  if (button.samePeer) {
    return omitUndefined({
      type: "switchInlineQueryCurrentChat" as const,
      text,
      style,
      inlineQuery,
    });
  }
  if (peerTypes?.length) {
    return omitUndefined({
      type: "switchInlineQueryChosenChats" as const,
      text,
      style,
      inlineQuery,
      isUser: allows(peerTypes, "inlineQueryPeerTypeBotPM"),
      isBot: allows(
        peerTypes,
        "inlineQueryPeerTypeSameBotPM",
        "inlineQueryPeerTypeBotPM",
      ),
      isGroup: allows(
        peerTypes,
        "inlineQueryPeerTypeChat",
        "inlineQueryPeerTypeMegagroup",
      ),
      isChannel: allows(peerTypes, "inlineQueryPeerTypeBroadcast"),
    });
  }
  return omitUndefined({
    type: "switchInlineQuery" as const,
    text,
    style,
    inlineQuery,
  });
}

/**
 * The InlineKeyboardButton of a TL button, or undefined for a kind inline
 * keyboards do not have in MTKruto (request-peer, user-profile, …).
 */
export function renderInlineKeyboardButton(
  button: tl.TypeKeyboardButton,
): InlineKeyboardButton | undefined {
  const { text } = button;
  const style = renderButtonStyle(button.style);
  switch (button._) {
    case "keyboardButtonUrl":
      return omitUndefined({
        type: "url" as const,
        text,
        style,
        url: button.url,
      });
    case "keyboardButtonCallback":
      return omitUndefined({
        type: "callbackData" as const,
        text,
        style,
        callbackData: bytesAsText(button.data),
      });
    case "keyboardButtonWebView":
    case "keyboardButtonSimpleWebView":
      return omitUndefined({
        type: "miniApp" as const,
        text,
        style,
        url: button.url,
      });
    case "keyboardButtonUrlAuth":
      return omitUndefined({
        type: "loginUrl" as const,
        text,
        style,
        loginUrl: omitUndefined({
          url: button.url,
          forwardText: button.fwdText,
        }),
      });
    case "keyboardButtonSwitchInline":
      return renderSwitchInline(button, style);
    case "keyboardButtonBuy":
      return omitUndefined({ type: "pay" as const, text, style });
    case "keyboardButtonGame":
      return omitUndefined({ type: "callbackGame" as const, text, style });
    case "keyboardButtonCopy":
      return omitUndefined({
        type: "copy" as const,
        text,
        style,
        textToCopy: button.copyText,
      });
    default:
      return undefined;
  }
}
