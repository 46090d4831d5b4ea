/**
 * Changing a chat as its admins do (core.telegram.org/api/channel): title
 * and photo (with the service messages `messageActionChatEditTitle`,
 * `messageActionChatEditPhoto`, `messageActionChatDeletePhoto`), and the
 * settings that come without a message (description, sticker set, slow
 * mode, signatures, content protection, unrestricting boosts, message TTL),
 * which members learn from `updateChannel` / `updateChat`. Deleting a chat
 * is in `chat_deletion.ts`.
 *
 * Who may: in groups and supergroups any member changes the title, photo
 * and description (the default rights forbid nothing here) unless a
 * restriction takes `change_info`; in broadcast channels admins with
 * `change_info`. Slow mode and boosts take `ban_users`; content protection
 * and deleting, the creator.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { type Chat, isChannel } from "./chats.ts";
import {
  type ChatSettings,
  settingsOf,
  updateSettings,
} from "./chat_settings.ts";
import { sendMessages } from "./delivery.ts";
import { type DeliveryContext, now } from "./emit.ts";
import type { StoredPhoto } from "./files.ts";
import { imageSize } from "./image_size.ts";
import { changeResult } from "./members.ts";
import {
  activeRestriction,
  type AdminRight,
  hasAdminRight,
} from "./members_view.ts";
import { stickerSetsOf } from "./sticker_sets.ts";

/** Telegram's chat title and description limits. */
const MAX_TITLE_LENGTH = 128;
const MAX_ABOUT_LENGTH = 255;
/** The slow mode delays Telegram offers (0 turns it off). */
export const SLOW_MODE_SECONDS = [0, 10, 30, 60, 300, 900, 3600];
/** Supergroups may ask for 1–8 boosts (0: none). */
const MAX_UNRESTRICT_BOOSTS = 8;
/** The profile photo sizes Telegram makes: square crops (core.telegram.org/api/files#image-thumbnail-types). */
const PROFILE_SIZES: readonly [type: string, side: number][] = [
  ["a", 160],
  ["b", 320],
  ["c", 640],
  ["d", 1280],
];

/** Fails unless `actorId` is in `chat` (`CHANNEL_PRIVATE` for channels, `CHAT_ID_INVALID` for groups). */
export function requireMember(chat: Chat, actorId: number): void {
  if (chat.members.has(actorId)) return;
  if (isChannel(chat)) throw new RpcFailure(406, "CHANNEL_PRIVATE");
  throw new RpcFailure(400, "CHAT_ID_INVALID");
}

/** Fails unless `actorId` may change the chat's title, photo and description. */
function requireInfoEditor(chat: Chat, actorId: number): void {
  requireMember(chat, actorId);
  const restricted =
    activeRestriction(chat.members.get(actorId))?.rights.changeInfo === true;
  const mayEdit = chat.type === "channel"
    ? hasAdminRight(chat, actorId, "changeInfo")
    : !restricted || hasAdminRight(chat, actorId, "changeInfo");
  if (!mayEdit) throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
}

/** Fails unless `actorId` is an admin of `chat` with `right` (the creator has them all). */
function requireAdmin(chat: Chat, actorId: number, right: AdminRight): void {
  requireMember(chat, actorId);
  if (!hasAdminRight(chat, actorId, right)) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
}

/** Fails unless `actorId` created `chat`. */
export function requireCreator(chat: Chat, actorId: number): void {
  requireMember(chat, actorId);
  if (chat.creatorId !== actorId) {
    throw new RpcFailure(403, "CHAT_ADMIN_REQUIRED");
  }
}

/** Fails unless `chat` is a supergroup: these settings are theirs (`CHANNEL_INVALID` for broadcast channels). */
function requireSupergroup(chat: Chat): void {
  if (chat.type !== "supergroup") throw new RpcFailure(400, "CHANNEL_INVALID");
}

/** Posts a change's service message from `actorId` (in broadcast channels too) and answers the caller's `updates`. */
function postChange(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  action: tl.TypeMessageAction,
): tl.RawUpdates {
  const posted = sendMessages(ctx, {
    senderId: actorId,
    peerId: chat.key,
    messages: [{ content: { text: "", action } }],
  });
  return changeResult(ctx, chat, actorId, posted);
}

/** Tells every member's other sessions the chat changed (`updateChannel` / `updateChat`, or `update`); answers the caller's `updates`. */
export function announceChange(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  update: tl.TypeUpdate = isChannel(chat)
    ? { _: "updateChannel", channelId: chat.id }
    : { _: "updateChat", chatId: chat.id },
): tl.RawUpdates {
  const containerFor = (viewerId: number): tl.RawUpdates => ({
    _: "updates",
    updates: [update],
    users: ctx.state.users([viewerId], viewerId),
    chats: ctx.state.chatObjects([chat.key], viewerId),
    date: now(),
    seq: 0,
  });
  for (const memberId of chat.members.keys()) {
    ctx.sessions.push(memberId, containerFor(memberId), ctx.caller);
  }
  return containerFor(actorId);
}

/** Changes a setting and announces it; the same value again is `CHAT_NOT_MODIFIED`. */
function changeSetting<K extends keyof ChatSettings>(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  change: { key: K; value: ChatSettings[K]; unchanged?: string },
): tl.RawUpdates {
  if (settingsOf(chat)[change.key] === change.value) {
    throw new RpcFailure(400, change.unchanged ?? "CHAT_NOT_MODIFIED");
  }
  updateSettings(chat, { [change.key]: change.value });
  return announceChange(ctx, chat, actorId);
}

/** `messages.editChatTitle` / `channels.editTitle`: 1–128 characters, trimmed; the same title is `CHAT_NOT_MODIFIED`. */
export function editTitle(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  title: string,
): tl.RawUpdates {
  requireInfoEditor(chat, actorId);
  const trimmed = title.trim();
  if (!trimmed) throw new RpcFailure(400, "CHAT_TITLE_EMPTY");
  if (trimmed.length > MAX_TITLE_LENGTH) {
    throw new RpcFailure(400, "CHAT_TITLE_INVALID");
  }
  if (trimmed === chat.title) throw new RpcFailure(400, "CHAT_NOT_MODIFIED");
  chat.title = trimmed;
  return postChange(ctx, chat, actorId, {
    _: "messageActionChatEditTitle",
    title: trimmed,
  });
}

/** The chat photo an upload makes: Telegram's square profile sizes up to the image's shorter side (at least 160 px: `PHOTO_CROP_SIZE_SMALL`). */
function chatPhotoFrom(ctx: DeliveryContext, bytes: Uint8Array): StoredPhoto {
  const { w, h } = imageSize(bytes);
  if (w === 0 || h === 0) throw new RpcFailure(400, "IMAGE_PROCESS_FAILED");
  const side = Math.min(w, h);
  if (side < PROFILE_SIZES[0][1]) {
    throw new RpcFailure(400, "PHOTO_CROP_SIZE_SMALL");
  }
  const stored = ctx.state.files.addPhoto({ bytes, date: now() });
  // the emulator cannot crop or scale: every size serves the original bytes
  stored.tl.sizes = PROFILE_SIZES.filter((_, index) =>
    index === 0 || side > PROFILE_SIZES[index - 1][1]
  ).map(([type, box]) => ({
    _: "photoSize",
    type,
    w: Math.min(box, side),
    h: Math.min(box, side),
    size: bytes.length,
  }));
  return stored;
}

/** `messages.editChatPhoto` / `channels.editPhoto`: an uploaded photo (`inputChatUploadedPhoto` with `file`; videos are not modelled), a stored one (`inputChatPhoto`), or none (`inputChatPhotoEmpty`). */
export function editPhoto(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  input: tl.TypeInputChatPhoto,
): tl.RawUpdates {
  requireInfoEditor(chat, actorId);
  const { files } = ctx.state;
  let photo: StoredPhoto | undefined;
  switch (input._) {
    case "inputChatPhotoEmpty":
      if (!settingsOf(chat).photo) {
        throw new RpcFailure(400, "CHAT_NOT_MODIFIED");
      }
      break;
    case "inputChatUploadedPhoto":
      if (!input.file) throw new RpcFailure(400, "PHOTO_INVALID");
      photo = chatPhotoFrom(ctx, files.assemble(actorId, input.file));
      break;
    case "inputChatPhoto":
      if (input.id._ !== "inputPhoto") {
        throw new RpcFailure(400, "PHOTO_INVALID");
      }
      photo = chatPhotoFrom(ctx, files.find("photo", input.id).bytes);
      break;
  }
  updateSettings(chat, { photo });
  return postChange(
    ctx,
    chat,
    actorId,
    photo
      ? { _: "messageActionChatEditPhoto", photo: photo.tl }
      : { _: "messageActionChatDeletePhoto" },
  );
}

/** `messages.editChatAbout`: at most 255 characters (`CHAT_ABOUT_TOO_LONG`); the same text is `CHAT_ABOUT_NOT_MODIFIED`. */
export function editAbout(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  about: string,
): boolean {
  requireInfoEditor(chat, actorId);
  if (about.length > MAX_ABOUT_LENGTH) {
    throw new RpcFailure(400, "CHAT_ABOUT_TOO_LONG");
  }
  // the answer is a Bool: the caller's sessions learn of it as the others do
  changeSetting({ ...ctx, caller: undefined }, chat, actorId, {
    key: "about",
    value: about,
    unchanged: "CHAT_ABOUT_NOT_MODIFIED",
  });
  return true;
}

/** `channels.setStickers`: a supergroup's admins with `change_info` set a stored set (`STICKERSET_INVALID`) or none. */
export function setStickerSet(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  input: tl.TypeInputStickerSet,
): boolean {
  requireSupergroup(chat);
  requireAdmin(chat, actorId, "changeInfo");
  const stickerSetName = input._ === "inputStickerSetEmpty"
    ? undefined
    : stickerSetsOf(ctx.state).find(input).shortName;
  updateSettings(chat, { stickerSetName });
  announceChange({ ...ctx, caller: undefined }, chat, actorId);
  return true;
}

/** `channels.toggleSlowMode`: a supergroup's admins with `ban_users` pick one of Telegram's delays (`SECONDS_INVALID`). */
export function toggleSlowMode(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  seconds: number,
): tl.RawUpdates {
  requireSupergroup(chat);
  requireAdmin(chat, actorId, "banUsers");
  if (!SLOW_MODE_SECONDS.includes(seconds)) {
    throw new RpcFailure(400, "SECONDS_INVALID");
  }
  return changeSetting(ctx, chat, actorId, {
    key: "slowModeSeconds",
    value: seconds,
  });
}

/** `channels.setBoostsToUnblockRestrictions`: a supergroup's admins with `ban_users` ask for 0–8 boosts. */
export function setUnrestrictBoosts(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  boosts: number,
): tl.RawUpdates {
  requireSupergroup(chat);
  requireAdmin(chat, actorId, "banUsers");
  if (boosts < 0 || boosts > MAX_UNRESTRICT_BOOSTS) {
    throw new RpcFailure(400, "BOOSTS_INVALID");
  }
  return changeSetting(ctx, chat, actorId, {
    key: "boostsUnrestrict",
    value: boosts,
  });
}

/** `channels.toggleSignatures`: a broadcast channel's admins with `change_info` sign posts, optionally with profiles (`CHANNEL_INVALID` for supergroups). */
export function toggleSignatures(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  options: { signatures: boolean; profiles: boolean },
): tl.RawUpdates {
  if (chat.type !== "channel") throw new RpcFailure(400, "CHANNEL_INVALID");
  requireAdmin(chat, actorId, "changeInfo");
  const settings = settingsOf(chat);
  // profiles only come with signatures
  const profiles = options.signatures && options.profiles;
  if (
    settings.signatures === options.signatures &&
    settings.signatureProfiles === profiles
  ) {
    throw new RpcFailure(400, "CHAT_NOT_MODIFIED");
  }
  updateSettings(chat, {
    signatures: options.signatures,
    signatureProfiles: profiles,
  });
  return announceChange(ctx, chat, actorId);
}

/** `messages.toggleNoForwards`: the creator turns content protection on or off. */
export function toggleNoForwards(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  enabled: boolean,
): tl.RawUpdates {
  requireCreator(chat, actorId);
  return changeSetting(ctx, chat, actorId, {
    key: "noForwards",
    value: enabled,
  });
}

/** `messages.setHistoryTTL` in a group or channel: admins with `delete_messages` (any member of a basic group) set the TTL, posting `messageActionSetMessagesTTL`. */
export function setHistoryTtl(
  ctx: DeliveryContext,
  chat: Chat,
  actorId: number,
  period: number,
): tl.RawUpdates {
  requireMember(chat, actorId);
  if (isChannel(chat)) requireAdmin(chat, actorId, "deleteMessages");
  if (period < 0) throw new RpcFailure(400, "TTL_PERIOD_INVALID");
  updateSettings(chat, { ttlPeriod: period });
  return postChange(ctx, chat, actorId, {
    _: "messageActionSetMessagesTTL",
    period,
  });
}
