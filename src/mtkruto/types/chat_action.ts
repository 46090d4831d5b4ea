/** ChatActionType in MTKruto's shape, from Telegram's `sendMessage*Action` (types.md §3.1, `chatAction`). */
import type { tl } from "@mtcute/core";

/** What a chat member is doing. */
export interface ChatActionType {
  type:
    | "typing"
    | "uploadingPhoto"
    | "recordingVideo"
    | "uploadingVideo"
    | "recordingVoice"
    | "uploadingAudio"
    | "uploadingDocument"
    | "choosingSticker"
    | "choosingLocation"
    | "recordingVideoNote"
    | "uploadingVideoNote"
    | "playingGame"
    | "cancel";
  progress?: number;
}

const SIMPLE: Partial<Record<string, ChatActionType["type"]>> = {
  sendMessageTypingAction: "typing",
  sendMessageRecordVideoAction: "recordingVideo",
  sendMessageRecordAudioAction: "recordingVoice",
  sendMessageChooseStickerAction: "choosingSticker",
  sendMessageGeoLocationAction: "choosingLocation",
  sendMessageRecordRoundAction: "recordingVideoNote",
  sendMessageGamePlayAction: "playingGame",
  sendMessageCancelAction: "cancel",
};

const UPLOADING: Partial<Record<string, ChatActionType["type"]>> = {
  sendMessageUploadPhotoAction: "uploadingPhoto",
  sendMessageUploadVideoAction: "uploadingVideo",
  sendMessageUploadAudioAction: "uploadingAudio",
  sendMessageUploadDocumentAction: "uploadingDocument",
  sendMessageUploadRoundAction: "uploadingVideoNote",
};

/** The action in MTKruto's shape, or undefined for kinds MTKruto does not deliver as `chatAction`. */
export function renderChatActionType(
  action: tl.TypeSendMessageAction,
): ChatActionType | undefined {
  const simple = SIMPLE[action._];
  if (simple) return { type: simple };
  const uploading = UPLOADING[action._];
  if (uploading) {
    return {
      type: uploading,
      progress: (action as { progress: number }).progress,
    };
  }
  return undefined;
}
