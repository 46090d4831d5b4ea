/**
 * What a chat's admins change (methods.md §B.5 and MTKruto 0.216): title,
 * description, photo, sticker set, slow mode, boosts that lift
 * restrictions, post signatures, content protection, message TTL.
 */
import type { InputPeerLike, UploadFileLike } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import {
  readDescription,
  readSlowModeDuration,
  readUnrestrictBoosts,
  toShowAuthorProfile,
} from "../params/chats.ts";
import { isUrlSource, metadataOf, toMediaFile } from "../params/file_source.ts";
import {
  NON_NEGATIVE_INT32,
  optionalInteger,
  optionalString,
  readInteger,
} from "../params/read.ts";
import { channelOf, groupOrChannelPeer } from "./peers.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  fileParam,
  optionsParam,
  stringParam,
} from "./params.ts";

/** MTKruto's upper bound on an upload part. */
const MAX_CHUNK_SIZE = 512 * 1024;

/** SetChatPhotoParams' upload keys, read as sendPhoto reads them. */
function uploadOptions(
  file: unknown,
  params: Record<string, unknown>,
): { fileName?: string; fileMime?: string; fileSize?: number } {
  const metadata = metadataOf(file as never);
  // Checked only: mtcute sizes its upload parts itself and has no progress ids.
  optionalInteger(params, "chunkSize", "params", {
    min: 1,
    max: MAX_CHUNK_SIZE,
  });
  optionalString(params, "progressId", "params");
  return {
    fileName: optionalString(params, "fileName", "params") ??
      metadata?.fileName,
    fileMime: optionalString(params, "mimeType", "params") ??
      metadata?.mimeType,
    fileSize: optionalInteger(params, "fileSize", "params", {
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
    }) ?? metadata?.fileSize,
  };
}

/** Sets a supergroup's or channel's sticker set by short name, or removes it (`channels.setStickers`). */
async function setStickerSet(
  call: DialectCall,
  chatId: InputPeerLike,
  shortName: string | undefined,
): Promise<null> {
  await call.client.call({
    _: "channels.setStickers",
    channel: await channelOf(call, chatId),
    stickerset: shortName === undefined
      ? { _: "inputStickerSetEmpty" }
      : { _: "inputStickerSetShortName", shortName },
  });
  return null;
}

/** Slow mode in seconds, 0 to turn it off (`channels.toggleSlowMode`). */
async function setSlowMode(
  call: DialectCall,
  chatId: InputPeerLike,
  seconds: number,
): Promise<null> {
  await channelOf(call, chatId);
  await call.client.setSlowMode(chatId, seconds);
  return null;
}

/** Post signatures of a channel, with or without the authors' profiles (`channels.toggleSignatures`). */
async function setSignatures(
  call: DialectCall,
  chatId: InputPeerLike,
  signatures: { enabled: boolean; profiles: boolean },
): Promise<null> {
  call.client.handleClientUpdate(
    await call.client.call({
      _: "channels.toggleSignatures",
      channel: await channelOf(call, chatId),
      signaturesEnabled: signatures.enabled || undefined,
      profilesEnabled: signatures.profiles || undefined,
    }),
  );
  return null;
}

/** Whether a chat's messages may be forwarded and saved (`messages.toggleNoForwards`). */
async function setSharing(
  call: DialectCall,
  chatId: InputPeerLike,
  isSharingEnabled: boolean,
): Promise<null> {
  await call.client.toggleContentProtection(
    await groupOrChannelPeer(call, chatId),
    !isSharingEnabled,
  );
  return null;
}

/** The chat administration methods. */
export const CHAT_ADMIN_METHODS: DialectMethod[] = [
  defineMethod(
    "setChatTitle",
    "both",
    [chatIdParam(), stringParam("title")],
    "void",
    async (call, chatId, title) => {
      await call.client.setChatTitle(
        await groupOrChannelPeer(call, chatId),
        title,
      );
      return null;
    },
  ),
  defineMethod(
    "setChatDescription",
    "both",
    [chatIdParam(), customParam("description", "string", readDescription)],
    "void",
    async (call, chatId, description) => {
      await call.client.setChatDescription(
        await groupOrChannelPeer(call, chatId),
        description,
      );
      return null;
    },
  ),
  defineMethod(
    "setChatPhoto",
    "both",
    [chatIdParam(), fileParam("photo"), optionsParam("SetChatPhotoParams")],
    "void",
    async (call, chatId, photo, params) => {
      const path = "Argument 2 of setChatPhoto (photo)";
      const file = toMediaFile(photo, path, "photo");
      if (isUrlSource(file)) {
        // Telegram fetches no chat photos: its bytes must come with the call.
        throw new InputError(
          `${path}: a chat photo cannot be a URL; upload its bytes or give a photo's file id`,
        );
      }
      const peer = await groupOrChannelPeer(call, chatId);
      const media = typeof file === "string"
        ? file
        : await call.client.uploadFile({
          // Past the string check, toInputFile gives bytes mtcute uploads.
          file: file as UploadFileLike,
          ...uploadOptions(file, params),
        });
      await call.client.setChatPhoto({ chatId: peer, type: "photo", media });
      return null;
    },
  ),
  defineMethod(
    "deleteChatPhoto",
    "both",
    [chatIdParam()],
    "void",
    async (call, chatId) => {
      await call.client.deleteChatPhoto(await groupOrChannelPeer(call, chatId));
      return null;
    },
  ),
  defineMethod(
    "setChatStickerSet",
    "both",
    [chatIdParam(), stringParam("setName", { nonEmpty: true })],
    "void",
    (call, chatId, setName) => setStickerSet(call, chatId, setName),
  ),
  defineMethod(
    "deleteChatStickerSet",
    "both",
    [chatIdParam()],
    "void",
    (call, chatId) => setStickerSet(call, chatId, undefined),
  ),
  defineMethod(
    "setBoostsRequiredToCircumventRestrictions",
    "user",
    [chatIdParam(), customParam("boosts", "number", readUnrestrictBoosts)],
    "void",
    async (call, chatId, boosts) => {
      call.client.handleClientUpdate(
        await call.client.call({
          _: "channels.setBoostsToUnblockRestrictions",
          channel: await channelOf(call, chatId),
          boosts,
        }),
      );
      return null;
    },
  ),
  defineMethod(
    "setSlowMode",
    "user",
    [
      chatIdParam(),
      customParam("duration", "SlowModeDuration", readSlowModeDuration),
    ],
    "void",
    (call, chatId, seconds) => setSlowMode(call, chatId, seconds),
  ),
  defineMethod(
    "disableSlowMode",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => setSlowMode(call, chatId, 0),
  ),
  defineMethod(
    "enableSignatures",
    "user",
    [chatIdParam(), optionsParam("EnableSignaturesParams")],
    "void",
    (call, chatId, params) =>
      setSignatures(call, chatId, {
        enabled: true,
        profiles: toShowAuthorProfile(params, "params"),
      }),
  ),
  defineMethod(
    "disableSignatures",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) =>
      setSignatures(call, chatId, { enabled: false, profiles: false }),
  ),
  defineMethod(
    "enableSharing",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => setSharing(call, chatId, true),
  ),
  defineMethod(
    "disableSharing",
    "user",
    [chatIdParam()],
    "void",
    (call, chatId) => setSharing(call, chatId, false),
  ),
  defineMethod(
    "setMessageTtl",
    "user",
    [
      chatIdParam(),
      customParam(
        "messageTtl",
        "number",
        (value, path) => readInteger(value, path, NON_NEGATIVE_INT32),
      ),
    ],
    "void",
    async (call, chatId, period) => {
      const peer = await call.client.resolvePeer(chatId);
      call.client.handleClientUpdate(
        await call.client.call({ _: "messages.setHistoryTTL", peer, period }),
      );
      return null;
    },
  ),
];
