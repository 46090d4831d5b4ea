/** KeyboardButton in MTKruto's shape (types.md §10.3), from the TL buttons of `replyKeyboardMarkup`. */
import type { tl } from "@mtcute/core";
import { type ButtonStyle, renderButtonStyle } from "./button_style.ts";
import {
  type ChatAdministratorRights,
  renderChatAdministratorRights,
} from "./chat_administrator_rights.ts";
import { omitUndefined } from "./omit_undefined.ts";

/** A reply-keyboard button that asks the user to pick a chat. */
export interface KeyboardButtonRequestChat {
  type: "requestChat";
  text: string;
  requestId: number;
  isChannel: boolean;
  isForum?: boolean;
  hasUsername?: boolean;
  isOwner: boolean;
  isBotMember?: boolean;
  botAdministratorRights?: ChatAdministratorRights;
  userAdministratorRights?: ChatAdministratorRights;
  style?: ButtonStyle;
}

/** A reply-keyboard button, told apart by `type`. */
export type KeyboardButton =
  | { type: "text"; text: string; style?: ButtonStyle }
  | {
    type: "requestUser";
    text: string;
    style?: ButtonStyle;
    requestId: number;
    isBot?: boolean;
    isPremium?: boolean;
  }
  | KeyboardButtonRequestChat
  | { type: "requestContact"; text: string; style?: ButtonStyle }
  | { type: "requestLocation"; text: string; style?: ButtonStyle }
  | {
    type: "requestPoll";
    text: string;
    style?: ButtonStyle;
    pollType?: "quiz";
  }
  | { type: "miniApp"; text: string; style?: ButtonStyle; url: string };

/** The admin rights a chat request asks for, in MTKruto's order (bot's, then user's; style last). */
function withRights(
  button: KeyboardButtonRequestChat,
  peerType: tl.RawRequestPeerTypeChat | tl.RawRequestPeerTypeBroadcast,
  style: ButtonStyle | undefined,
): KeyboardButtonRequestChat {
  if (peerType.botAdminRights) {
    button.botAdministratorRights = renderChatAdministratorRights(
      peerType.botAdminRights,
    );
  }
  if (peerType.userAdminRights) {
    button.userAdministratorRights = renderChatAdministratorRights(
      peerType.userAdminRights,
    );
  }
  if (style) button.style = style;
  return omitUndefined(button);
}

function renderRequestPeer(
  button: tl.RawKeyboardButtonRequestPeer,
  style: ButtonStyle | undefined,
): KeyboardButton | undefined {
  const { text, buttonId: requestId, peerType } = button;
  switch (peerType._) {
    case "requestPeerTypeUser":
      return omitUndefined({
        type: "requestUser" as const,
        text,
        style,
        requestId,
        isBot: peerType.bot,
        isPremium: peerType.premium,
      });
    case "requestPeerTypeChat":
      return withRights(
        {
          type: "requestChat",
          text,
          requestId,
          isChannel: false,
          isForum: peerType.forum,
          hasUsername: peerType.hasUsername,
          isOwner: peerType.creator ?? false,
          isBotMember: peerType.botParticipant ?? false,
        },
        peerType,
        style,
      );
    case "requestPeerTypeBroadcast":
      return withRights(
        {
          type: "requestChat",
          text,
          requestId,
          isChannel: true,
          isOwner: peerType.creator ?? false,
          hasUsername: peerType.hasUsername,
        },
        peerType,
        style,
      );
    default:
      return undefined;
  }
}

/**
 * The KeyboardButton of a TL button, or undefined for a kind reply
 * keyboards do not have in MTKruto (the caller skips it).
 */
export function renderKeyboardButton(
  button: tl.TypeKeyboardButton,
): KeyboardButton | undefined {
  const { text } = button;
  const style = renderButtonStyle(button.style);
  switch (button._) {
    case "keyboardButton":
      return omitUndefined({ type: "text" as const, text, style });
    case "keyboardButtonRequestPeer":
      return renderRequestPeer(button, style);
    case "keyboardButtonRequestPhone":
      return omitUndefined({ type: "requestContact" as const, text, style });
    case "keyboardButtonRequestGeoLocation":
      return omitUndefined({ type: "requestLocation" as const, text, style });
    case "keyboardButtonRequestPoll":
      return omitUndefined({
        type: "requestPoll" as const,
        text,
        style,
        pollType: button.quiz ? "quiz" as const : undefined,
      });
    case "keyboardButtonWebView":
    case "keyboardButtonSimpleWebView":
      return omitUndefined({
        type: "miniApp" as const,
        text,
        style,
        url: button.url,
      });
    default:
      return undefined;
  }
}
