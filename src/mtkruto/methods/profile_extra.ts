/**
 * The account's profile settings beyond names and usernames: birthday,
 * personal channel, emoji status and accent colors (MTKruto 0.216's
 * setBirthday, setPersonalChannel, setEmojiStatus, removeEmojiStatus,
 * setNameColor and setProfileColor; all user-only, all void), and
 * resolveUsername.
 */
import { getMarkedPeerId, type tl } from "@mtcute/core";
import { isInputPeerChannel, toInputChannel } from "@mtcute/core/utils.js";
import { InputError } from "../../errors.ts";
import { resolveChatId, toChatId } from "../params/chat_id.ts";
import {
  readBirthday,
  readInputEmojiStatus,
  toPeerColor,
} from "../params/profile_extra.ts";
import {
  NON_NEGATIVE_INT32,
  optionalInteger,
  optionalObject,
  optionalString,
  POSITIVE_INT32,
  readInteger,
} from "../params/read.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { customParam, optionsParam, stringParam } from "./params.ts";
import { renderChatP } from "../types/peers.ts";
import { RenderError } from "../types/render_error.ts";

/** A palette id (`help.getPeerColors` lists the valid ones; Telegram checks). */
const colorParam = customParam(
  "color",
  "number",
  (value, path) => readInteger(value, path, NON_NEGATIVE_INT32),
);

/** SetPersonalChannelParams' `chatId` as an input channel; none removes it. */
async function personalChannel(
  call: DialectCall,
  chatIdValue: unknown,
) {
  if (chatIdValue === undefined || chatIdValue === null) {
    return { _: "inputChannelEmpty" } as const;
  }
  const chatId = toChatId(chatIdValue, "params.chatId");
  const peer = await call.client.resolvePeer(
    await resolveChatId(call.client, chatId),
  );
  if (!isInputPeerChannel(peer)) {
    throw new InputError("params.chatId must be a channel");
  }
  return toInputChannel(peer);
}

/** `account.updateColor` for names (`forProfile` false) or the profile page. */
async function updateColor(
  call: DialectCall,
  color: number,
  params: Record<string, unknown>,
  forProfile: boolean,
): Promise<null> {
  await call.client.call({
    _: "account.updateColor",
    forProfile: forProfile || undefined,
    color: toPeerColor(color, params),
  });
  return null;
}

/** The user or chat `contacts.resolveUsername` resolved to, among those it sent along. */
function resolvedPeer(
  result: tl.contacts.RawResolvedPeer,
): tl.TypeUser | tl.TypeChat {
  const { peer } = result;
  const found = peer._ === "peerUser"
    ? result.users.find((user) => user.id === peer.userId)
    : result.chats.find((chat) =>
      getMarkedPeerId(chat.id, isChannel(chat) ? "channel" : "chat") ===
        getMarkedPeerId(peer)
    );
  if (!found) throw new RenderError("The resolved peer came without itself");
  return found;
}

const isChannel = (chat: tl.TypeChat) =>
  chat._ === "channel" || chat._ === "channelForbidden";

/** The profile settings methods. */
export const PROFILE_EXTRA_METHODS: DialectMethod[] = [
  defineMethod(
    "setBirthday",
    "user",
    [optionsParam("SetBirthdayParams")],
    "void",
    async (call, params) => {
      const value = optionalObject(params, "birthday", "params");
      await call.client.call({
        _: "account.updateBirthday",
        birthday: value && readBirthday(value, "params.birthday"),
      });
      return null;
    },
  ),
  defineMethod(
    "setPersonalChannel",
    "user",
    [optionsParam("SetPersonalChannelParams")],
    "void",
    async (call, params) => {
      await call.client.call({
        _: "account.updatePersonalChannel",
        channel: await personalChannel(call, params.chatId),
      });
      return null;
    },
  ),
  defineMethod(
    "setEmojiStatus",
    "user",
    [
      customParam("emojiStatus", "InputEmojiStatus", readInputEmojiStatus),
      optionsParam("SetEmojiStatusParams"),
    ],
    "void",
    async (call, emojiStatus, params) => {
      await call.client.call({
        _: "account.updateEmojiStatus",
        emojiStatus: {
          ...emojiStatus,
          until: optionalInteger(params, "until", "params", POSITIVE_INT32),
        },
      });
      return null;
    },
  ),
  defineMethod("removeEmojiStatus", "user", [], "void", async (call) => {
    await call.client.call({
      _: "account.updateEmojiStatus",
      emojiStatus: { _: "emojiStatusEmpty" },
    });
    return null;
  }),
  defineMethod(
    "setNameColor",
    "user",
    [colorParam, optionsParam("SetNameColorParams")],
    "void",
    (call, color, params) => updateColor(call, color, params, false),
  ),
  defineMethod(
    "setProfileColor",
    "user",
    [colorParam, optionsParam("SetProfileColorParams")],
    "void",
    (call, color, params) => updateColor(call, color, params, true),
  ),
  defineMethod(
    "resolveUsername",
    "both",
    [
      stringParam("username", { nonEmpty: true }),
      optionsParam("ResolveUsernameParams"),
    ],
    "ChatP",
    async (call, username, params) => {
      const result = await call.client.call({
        _: "contacts.resolveUsername",
        username,
        referer: optionalString(params, "referrer", "params"),
      });
      return renderChatP(resolvedPeer(result));
    },
  ),
];
