/** MTKruto's MessageSearchFilter → the TL messages filter (methods.md §A.1, §B.4). */
import type { tl } from "@mtcute/core";
import { readEnum } from "./read.ts";

const FILTERS = {
  empty: "inputMessagesFilterEmpty",
  animations: "inputMessagesFilterGif",
  audios: "inputMessagesFilterMusic",
  documents: "inputMessagesFilterDocument",
  photos: "inputMessagesFilterPhotos",
  videos: "inputMessagesFilterVideo",
  voiceMessages: "inputMessagesFilterVoice",
  photosAndVideos: "inputMessagesFilterPhotoVideo",
  links: "inputMessagesFilterUrl",
  chatPhotos: "inputMessagesFilterChatPhotos",
  videoNotes: "inputMessagesFilterRoundVideo",
  voiceMessagesAndVideoNotes: "inputMessagesFilterRoundVoice",
  mentions: "inputMessagesFilterMyMentions",
  pinned: "inputMessagesFilterPinned",
} as const;

type FilterName = keyof typeof FILTERS;

const FILTER_NAMES = Object.keys(FILTERS) as FilterName[];

/** A filter name ("photos", "links", …) → its TL filter (`{_: "inputMessagesFilterPhotos"}` …). */
export function toSearchFilter(
  value: unknown,
  path: string,
): tl.TypeMessagesFilter {
  return { _: FILTERS[readEnum(value, path, FILTER_NAMES)] };
}
