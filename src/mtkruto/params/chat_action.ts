/**
 * sendChatAction's action → the TL action mtcute's sendTyping sends
 * (methods.md §A.1, §B.2). The TL object is answered rather than mtcute's
 * status name so that an upload's `progress` goes along.
 */
import type { tl } from "@mtcute/core";
import { fail, listOf, optionalInteger, readObject, readType } from "./read.ts";

/** ChatActionType kinds (0.216) → TL action constructors. */
const ACTIONS = {
  typing: "sendMessageTypingAction",
  uploadingPhoto: "sendMessageUploadPhotoAction",
  recordingVideo: "sendMessageRecordVideoAction",
  uploadingVideo: "sendMessageUploadVideoAction",
  recordingVoice: "sendMessageRecordAudioAction",
  uploadingAudio: "sendMessageUploadAudioAction",
  uploadingDocument: "sendMessageUploadDocumentAction",
  choosingSticker: "sendMessageChooseStickerAction",
  choosingLocation: "sendMessageGeoLocationAction",
  recordingVideoNote: "sendMessageRecordRoundAction",
  uploadingVideoNote: "sendMessageUploadRoundAction",
  playingGame: "sendMessageGamePlayAction",
  cancel: "sendMessageCancelAction",
} as const;

type ActionType = keyof typeof ACTIONS;

const ACTION_TYPES = Object.keys(ACTIONS) as ActionType[];

/** The kinds that report an upload's progress (0–100). */
const UPLOADING = new Set<ActionType>([
  "uploadingPhoto",
  "uploadingVideo",
  "uploadingAudio",
  "uploadingDocument",
  "uploadingVideoNote",
]);

/** MTKruto 0.4.0's action strings → the 0.216 kinds (0.4.0's uploadVideo sent the record action; this does not). */
const LEGACY_ACTIONS: Record<string, ActionType> = {
  type: "typing",
  uploadPhoto: "uploadingPhoto",
  recordVideo: "recordingVideo",
  uploadVideo: "uploadingVideo",
  recordVoice: "recordingVoice",
  uploadAudio: "uploadingAudio",
  uploadDocument: "uploadingDocument",
  chooseSticker: "choosingSticker",
  findLocation: "choosingLocation",
  recordVideoNote: "recordingVideoNote",
  uploadVideoNote: "uploadingVideoNote",
};

/**
 * ChatActionType `{type: "typing" | … | "cancel", progress?}` (0.216), or
 * one of 0.4.0's strings ("type", "uploadPhoto", …) → TL send-message action.
 */
export function toTypingStatus(
  value: unknown,
  path: string,
): tl.TypeSendMessageAction {
  if (typeof value === "string") {
    const type = LEGACY_ACTIONS[value] ??
      (ACTION_TYPES.includes(value as ActionType)
        ? value as ActionType
        : undefined);
    if (type === undefined) {
      fail(
        path,
        `a ChatActionType object {"type": ${
          listOf(ACTION_TYPES)
        }} or one of MTKruto 0.4.0's action names (${
          listOf(Object.keys(LEGACY_ACTIONS))
        })`,
        value,
      );
    }
    return action(type, 0);
  }
  const object = readObject(value, path);
  const type = readType(object, path, ACTION_TYPES);
  // Only uploads have a progress; MTKruto reads it on no other kind.
  const progress = UPLOADING.has(type)
    ? optionalInteger(object, "progress", path, { min: 0, max: 100 })
    : undefined;
  return action(type, progress ?? 0);
}

function action(type: ActionType, progress: number): tl.TypeSendMessageAction {
  return UPLOADING.has(type)
    ? { _: ACTIONS[type], progress } as tl.TypeSendMessageAction
    : { _: ACTIONS[type] } as tl.TypeSendMessageAction;
}
