/** ChatPhoto in MTKruto's shape: a peer's current photo in two sizes (types.md §5.1). */
import type { Long, tl } from "@mtcute/core";
import { chatPhotoFileIds } from "./file_id.ts";

/** The small (160×160) and big (640×640) versions of a peer's photo. */
export interface ChatPhoto {
  smallFileId: string;
  smallFileUniqueId: string;
  bigFileId: string;
  bigFileUniqueId: string;
  hasVideo: boolean;
  isPersonal: boolean;
}

/** The ChatPhoto of the peer with marked id `chatId` and access hash `chatAccessHash` (none for basic groups). */
export function renderChatPhoto(
  photo: tl.RawUserProfilePhoto | tl.RawChatPhoto,
  chatId: number,
  chatAccessHash: Long | undefined,
): ChatPhoto {
  return {
    ...chatPhotoFileIds(photo, chatId, chatAccessHash),
    hasVideo: photo.hasVideo ?? false,
    // Only users set a photo for one contact alone; chat photos never are.
    isPersonal: photo._ === "userProfilePhoto" && (photo.personal ?? false),
  };
}
