/**
 * The inputs of the story methods (methods.md §B.11; createStory and
 * editStory from MTKruto 0.216.0): story ids, InputStoryContent,
 * StoryPrivacy and the CreateStoryParams / EditStoryParams keys this server
 * takes. MTKruto's interactive areas, album-less reposts and attached
 * stickers are refused by name rather than ignored.
 */
import type { InputMediaLike, InputMediaVideo, tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { toFileMedia } from "./file_media.ts";
import { isUrlSource } from "./file_source.ts";
import {
  at,
  fail,
  given,
  type JsonObject,
  NON_NEGATIVE_INT32,
  optionalBoolean,
  optionalInteger,
  optionalList,
  POSITIVE_INT32,
  readArray,
  readInteger,
  readNumber,
  readObject,
  readType,
} from "./read.ts";

/** A story id (MTKruto: "Invalid story ID." for anything but a positive integer). */
export function toStoryId(value: unknown, path: string): number {
  return readInteger(value, path, POSITIVE_INT32);
}

/** Story ids; `allowEmpty` for getStories, which answers [] for none, as MTKruto does. */
export function toStoryIds(
  value: unknown,
  path: string,
  { allowEmpty = false } = {},
): number[] {
  const list = readArray(value, path);
  if (!allowEmpty && list.length === 0) {
    fail(path, "a non-empty array of story ids", value);
  }
  return list.map((id, index) => toStoryId(id, at(path, index)));
}

/** What a story shows, as mtcute uploads it, and whether its video is an animation (silent). */
export interface StoryMedia {
  media: InputMediaLike;
  isAnimation: boolean;
}

/** The upload keys of CreateStoryParams / EditStoryParams, the ones `toFileMedia` reads. */
const UPLOAD_KEYS = [
  "fileName",
  "fileSize",
  "mimeType",
  "chunkSize",
  "progressId",
] as const;

/** MTKruto's size for an uploaded story video when it names none. */
const STORY_VIDEO_SIZE = { width: 720, height: 1280 };

/** Keys of MTKruto's InputStoryContent and CreateStoryParams this server does not take. */
function refuseUnsupported(
  object: JsonObject,
  path: string,
  keys: readonly string[],
): void {
  for (const key of keys) {
    if (given(object, key)) {
      throw new InputError(
        `${at(path, key)} is not supported by this server; leave it out`,
      );
    }
  }
}

/** InputStoryContent (`{type: "photo", photo}` or `{type: "video", video, duration, isAnimation?}`) with the params' upload keys. */
export function toStoryContent(
  value: unknown,
  path: string,
  params: JsonObject,
): StoryMedia {
  const content = readObject(value, path);
  const type = readType(content, path, ["photo", "video"]);
  refuseUnsupported(content, path, ["attachedStickerFileIds"]);
  const filePath = at(path, type);
  const upload = Object.fromEntries(
    UPLOAD_KEYS.filter((key) => given(params, key)).map((key) => [
      key,
      params[key],
    ]),
  );
  const media = toFileMedia(type, content[type], filePath, upload, "params", {
    caption: false,
  });
  if ("file" in media && isUrlSource(media.file)) {
    // MTKruto's "URL not supported.": Telegram takes no story from a URL
    throw new InputError(
      `${filePath}: URL not supported. A story's ${type} must be an upload or a file id`,
    );
  }
  if (type === "photo") return { media, isAnimation: false };
  const duration = readNumber(content.duration, at(path, "duration"));
  if (duration < 0) {
    fail(at(path, "duration"), "a non-negative number of seconds", duration);
  }
  return {
    media: { ...(media as InputMediaVideo), ...STORY_VIDEO_SIZE, duration },
    isAnimation: optionalBoolean(content, "isAnimation", path) ?? false,
  };
}

/** StoryPrivacy as read: the kind and the user ids it lists (resolved by the method). */
export type StoryPrivacyInput =
  | { type: "everyone" | "contacts"; except: number[] }
  | { type: "closeFriends" }
  | { type: "only"; only: number[] };

function userIds(object: JsonObject, key: string, path: string): number[] {
  return optionalList(
    object,
    key,
    path,
    (id, itemPath) => readInteger(id, itemPath, { min: 1 }),
  ) ?? [];
}

/** StoryPrivacy: `everyone` / `contacts` with `except` user ids, `closeFriends`, or `only` (at least one user id). */
export function toStoryPrivacy(
  value: unknown,
  path: string,
): StoryPrivacyInput {
  const object = readObject(value, path);
  const type = readType(object, path, [
    "everyone",
    "contacts",
    "closeFriends",
    "only",
  ]);
  switch (type) {
    case "everyone":
    case "contacts":
      return { type, except: userIds(object, "except", path) };
    case "closeFriends":
      return { type };
    case "only": {
      const only = userIds(object, "only", path);
      if (only.length === 0) {
        fail(at(path, "only"), "a non-empty array of user ids", object.only);
      }
      return { type, only };
    }
  }
}

/** The TL privacy rules of a StoryPrivacy, as MTKruto builds them (exceptions first); `resolveUser` finds each user. */
export async function toPrivacyRules(
  privacy: StoryPrivacyInput,
  resolveUser: (id: number) => Promise<tl.TypeInputUser>,
): Promise<tl.TypeInputPrivacyRule[]> {
  const users = (ids: number[]) => Promise.all(ids.map(resolveUser));
  const except = async (ids: number[]): Promise<tl.TypeInputPrivacyRule[]> =>
    ids.length
      ? [{ _: "inputPrivacyValueDisallowUsers", users: await users(ids) }]
      : [];
  switch (privacy.type) {
    case "everyone":
      return [
        ...await except(privacy.except),
        { _: "inputPrivacyValueAllowAll" },
      ];
    case "contacts":
      return [
        ...await except(privacy.except),
        { _: "inputPrivacyValueAllowContacts" },
      ];
    case "closeFriends":
      return [{ _: "inputPrivacyValueAllowCloseFriends" }];
    case "only":
      return [{
        _: "inputPrivacyValueAllowUsers",
        users: await users(privacy.only),
      }];
  }
}

/** The story-level keys of CreateStoryParams (the caption and upload keys are read elsewhere). */
export interface CreateStoryOptions {
  privacy?: StoryPrivacyInput;
  period?: number;
  pinned?: true;
  noforwards?: true;
  albums?: number[];
}

/** CreateStoryParams → `stories.sendStory` flags; MTKruto's reposts and interactive areas are refused. */
export function toCreateStoryOptions(
  params: JsonObject,
  path: string,
): CreateStoryOptions {
  refuseUnsupported(params, path, [
    "interactiveAreas",
    "forwardedFromChatId",
    "forwardedFromStoryId",
    "isRepostedStoryModified",
  ]);
  return {
    privacy: given(params, "privacy")
      ? toStoryPrivacy(params.privacy, at(path, "privacy"))
      : undefined,
    period: optionalInteger(params, "activeFor", path, POSITIVE_INT32),
    pinned: optionalBoolean(params, "highlight", path) || undefined,
    noforwards: optionalBoolean(params, "isContentProtected", path) ||
      undefined,
    albums: optionalList(
      params,
      "albumIds",
      path,
      (id, itemPath) => readInteger(id, itemPath, NON_NEGATIVE_INT32),
    ),
  };
}

/** EditStoryParams → what `stories.editStory` changes; interactive areas are refused. */
export function toEditStoryOptions(
  params: JsonObject,
  path: string,
): { content?: StoryMedia; privacy?: StoryPrivacyInput } {
  refuseUnsupported(params, path, ["interactiveAreas"]);
  return {
    content: given(params, "content")
      ? toStoryContent(params.content, at(path, "content"), params)
      : undefined,
    privacy: given(params, "privacy")
      ? toStoryPrivacy(params.privacy, at(path, "privacy"))
      : undefined,
  };
}
