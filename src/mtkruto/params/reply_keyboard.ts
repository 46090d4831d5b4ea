/** MTKruto 0.216's KeyboardButton (reply keyboards, with `type`) → TL keyboard buttons (methods.md §A.1, §B.15). */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "../types/omit_undefined.ts";
import { toButtonStyle } from "./button_style.ts";
import {
  at,
  INT32,
  type JsonObject,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  readArray,
  readBoolean,
  readObject,
  readType,
  requiredInteger,
  requiredString,
} from "./read.ts";

const KEYBOARD_BUTTON_TYPES = [
  "text",
  "requestUser",
  "requestChat",
  "requestContact",
  "requestLocation",
  "requestPoll",
  "miniApp",
] as const;

/** ChatAdministratorRights keys → chatAdminRights flags, as MTKruto maps them. */
const ADMIN_RIGHTS: [
  string,
  keyof Omit<tl.RawChatAdminRights, "_"> | undefined,
][] = [
  ["isAnonymous", "anonymous"],
  ["canManageChat", "other"],
  ["canDeleteMessages", "deleteMessages"],
  ["canManageVideoChats", "manageCall"],
  ["canRestrictMembers", "banUsers"],
  ["canPromoteMembers", "addAdmins"],
  ["canChangeInfo", "changeInfo"],
  ["canInviteUsers", "inviteUsers"],
  ["canPostMessages", "postMessages"],
  ["canEditMessages", "editMessages"],
  ["canPinMessages", "pinMessages"],
  ["canManageTopics", "manageTopics"],
  ["canPostStories", "postStories"],
  ["canEditStories", "editStories"],
  ["canDeleteStories", "deleteStories"],
  ["canManageDirectMessages", "manageDirectMessages"],
  ["canManageTags", "manageRanks"],
  // canManageLinkedChats has no flag in mtcute's layer; it is read and left out.
  ["canManageLinkedChats", undefined],
];

/** Rows of reply keyboard buttons (`keyboard`) → rows of TL buttons. */
export function toReplyKeyboard(
  value: unknown,
  path: string,
): tl.TypeKeyboardButton[][] {
  return readArray(value, path).map((row, rowIndex) =>
    readArray(row, at(path, rowIndex)).map((button, index) =>
      toKeyboardButton(button, at(at(path, rowIndex), index))
    )
  );
}

/** One KeyboardButton → its TL button. */
export function toKeyboardButton(
  value: unknown,
  path: string,
): tl.TypeKeyboardButton {
  const button = readObject(value, path);
  const type = readType(button, path, KEYBOARD_BUTTON_TYPES);
  const base = {
    text: requiredString(button, "text", path),
    style: toButtonStyle(button.style, at(path, "style")),
  };
  switch (type) {
    case "text":
      return omitUndefined({ _: "keyboardButton" as const, ...base });
    case "requestUser":
      return requestPeer(button, path, base, {
        _: "requestPeerTypeUser" as const,
        bot: optionalBoolean(button, "isBot", path),
        premium: optionalBoolean(button, "isPremium", path),
      });
    case "requestChat":
      return requestPeer(button, path, base, chatPeerType(button, path));
    case "requestContact":
      return omitUndefined({
        _: "keyboardButtonRequestPhone" as const,
        ...base,
      });
    case "requestLocation":
      return omitUndefined({
        _: "keyboardButtonRequestGeoLocation" as const,
        ...base,
      });
    case "requestPoll": {
      const pollType = optionalEnum(button, "pollType", path, [
        "regular",
        "quiz",
      ]);
      return omitUndefined({
        _: "keyboardButtonRequestPoll" as const,
        ...base,
        // Left out, the user picks either kind; false asks for a regular poll.
        quiz: pollType === undefined ? undefined : pollType === "quiz",
      });
    }
    case "miniApp":
      // Reply keyboards open mini apps through the "simple" web view button.
      return omitUndefined({
        _: "keyboardButtonSimpleWebView" as const,
        ...base,
        url: requiredString(button, "url", path, { nonEmpty: true }),
      });
  }
}

function requestPeer(
  button: JsonObject,
  path: string,
  base: { text: string; style?: tl.RawKeyboardButtonStyle },
  peerType: tl.TypeRequestPeerType,
): tl.RawKeyboardButtonRequestPeer {
  return omitUndefined({
    _: "keyboardButtonRequestPeer" as const,
    ...base,
    buttonId: requiredInteger(button, "requestId", path, INT32),
    peerType: omitUndefined(peerType),
    maxQuantity: 1,
  });
}

function chatPeerType(
  button: JsonObject,
  path: string,
): tl.TypeRequestPeerType {
  const isChannel = readBoolean(button.isChannel, at(path, "isChannel"));
  const common = {
    creator: optionalBoolean(button, "isOwner", path) || undefined,
    hasUsername: optionalBoolean(button, "hasUsername", path),
    userAdminRights: adminRights(button, "userAdministratorRights", path),
    botAdminRights: adminRights(button, "botAdministratorRights", path),
  };
  if (isChannel) return { _: "requestPeerTypeBroadcast", ...common };
  return {
    _: "requestPeerTypeChat" as const,
    ...common,
    forum: optionalBoolean(button, "isForum", path),
    botParticipant: optionalBoolean(button, "isBotMember", path) || undefined,
  };
}

function adminRights(
  button: JsonObject,
  key: string,
  path: string,
): tl.RawChatAdminRights | undefined {
  const rights = optionalObject(button, key, path);
  if (rights === undefined) return undefined;
  const tlRights: tl.RawChatAdminRights = { _: "chatAdminRights" };
  for (const [name, flag] of ADMIN_RIGHTS) {
    const value = optionalBoolean(rights, name, at(path, key));
    if (value && flag !== undefined) tlRights[flag] = true;
  }
  return tlRights;
}
