/** Stories: posting, editing, fetching, deleting and highlighting them (methods.md §B.11; createStory and editStory from MTKruto 0.216.0). */
import { type InputPeerLike, PeersIndex, type tl } from "@mtcute/core";
import { randomLong } from "@mtcute/core/utils.js";
import { InputError } from "../../errors.ts";
import { toCaption } from "../params/send.ts";
import {
  type StoryMedia,
  type StoryPrivacyInput,
  toCreateStoryOptions,
  toEditStoryOptions,
  toPrivacyRules,
  toStoryContent,
  toStoryId,
  toStoryIds,
} from "../params/stories.ts";
import { renderStory, type Story } from "../types/story.ts";
import { RenderError } from "../types/render_error.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { chatIdParam, customParam, optionsParam } from "./params.ts";

const storyIdParam = customParam("storyId", "number", toStoryId);
const storyIdsParam = customParam(
  "storyIds",
  "number[]",
  (value, path) => toStoryIds(value, path),
);

/** The TL peer of the input peer a story method named (the poster), for rendering; the account itself is the `self` user among `users`. */
function peerOf(
  input: tl.TypeInputPeer,
  users: readonly tl.TypeUser[],
): tl.TypePeer {
  switch (input._) {
    case "inputPeerSelf": {
      const self = users.find((user) => user._ === "user" && user.self);
      if (!self) throw new RenderError("Telegram sent no own user object");
      return { _: "peerUser", userId: self.id };
    }
    case "inputPeerUser":
    case "inputPeerUserFromMessage":
      return { _: "peerUser", userId: input.userId };
    case "inputPeerChat":
      return { _: "peerChat", chatId: input.chatId };
    case "inputPeerChannel":
    case "inputPeerChannelFromMessage":
      return { _: "peerChannel", channelId: input.channelId };
    default:
      throw new InputError("chatId: this chat cannot have stories");
  }
}

/** The story Telegram answered a post or edit with (its `updateStory`), delivered as the account's own update first. */
function storyOfUpdates(call: DialectCall, updates: tl.TypeUpdates): Story {
  call.client.handleClientUpdate(updates);
  if (updates._ !== "updates" && updates._ !== "updatesCombined") {
    throw new RenderError(`${call.method}: Telegram answered ${updates._}`);
  }
  const update = updates.updates.find((item): item is tl.RawUpdateStory =>
    item._ === "updateStory" && item.story._ === "storyItem"
  );
  if (!update) {
    throw new RenderError(`${call.method}: Telegram answered no story`);
  }
  return renderStory(
    update.story as tl.RawStoryItem,
    update.peer,
    PeersIndex.from(updates),
  );
}

/** A StoryPrivacy's TL rules, its users looked up by id. */
async function privacyRules(
  call: DialectCall,
  privacy: StoryPrivacyInput,
): Promise<tl.TypeInputPrivacyRule[]> {
  return await toPrivacyRules(privacy, (id) => call.client.resolveUser(id));
}

/**
 * The InputMedia of a story's content, uploaded by mtcute. As MTKruto
 * sends them, a story video is marked `nosound_video`, and an animation's
 * video attribute `nosound`.
 */
async function storyInputMedia(
  call: DialectCall,
  content: StoryMedia,
): Promise<tl.TypeInputMedia> {
  const media = await call.client._normalizeInputMedia(content.media, {
    abortSignal: call.signal,
  });
  if (media._ !== "inputMediaUploadedDocument") return media;
  return {
    ...media,
    nosoundVideo: true,
    attributes: media.attributes.map((attribute) =>
      attribute._ === "documentAttributeVideo" && content.isAnimation
        ? { ...attribute, nosound: true }
        : attribute
    ),
  };
}

/** The caption keys as `stories.sendStory` / `editStory` take them. */
function captionOf(
  params: Record<string, unknown>,
): { caption?: string; entities?: tl.TypeMessageEntity[] } {
  const caption = toCaption(params, "params");
  return caption === undefined
    ? {}
    : { caption: caption.text, entities: caption.entities };
}

/** `stories.togglePinned` for the stories of the chat. */
async function togglePinned(
  call: DialectCall,
  chatId: InputPeerLike,
  ids: number[],
  pinned: boolean,
): Promise<null> {
  await call.client.call({
    _: "stories.togglePinned",
    peer: await call.client.resolvePeer(chatId),
    id: ids,
    pinned,
  });
  return null;
}

async function deleteStories(
  call: DialectCall,
  chatId: InputPeerLike,
  ids: number[],
): Promise<null> {
  await call.client.call({
    _: "stories.deleteStories",
    peer: await call.client.resolvePeer(chatId),
    id: ids,
  });
  return null;
}

/** The stories of the chat with these ids that the account may see (`stories.getStoriesByID`), in Telegram's order. */
async function getStories(
  call: DialectCall,
  chatId: InputPeerLike,
  ids: number[],
): Promise<Story[]> {
  if (ids.length === 0) return [];
  const peer = await call.client.resolvePeer(chatId);
  const found = await call.client.call({
    _: "stories.getStoriesByID",
    peer,
    id: ids,
  });
  const stories = found.stories.filter((story): story is tl.RawStoryItem =>
    story._ === "storyItem"
  );
  if (stories.length === 0) return [];
  const peers = PeersIndex.from(found);
  const poster = peerOf(peer, found.users);
  return stories.map((story) => renderStory(story, poster, peers));
}

/** The story methods, all for user accounts. */
export const STORY_METHODS: DialectMethod[] = [
  defineMethod(
    "createStory",
    "user",
    [
      chatIdParam(),
      // read in the handler: its upload keys (fileName, mimeType …) are in the params
      customParam(
        "content",
        "InputStoryContent",
        (value, path) => ({ value, path }),
      ),
      optionsParam("CreateStoryParams"),
    ],
    "Story",
    async (call, chatId, content, params) => {
      const options = toCreateStoryOptions(params, "params");
      const media = toStoryContent(content.value, content.path, params);
      const updates = await call.client.call({
        _: "stories.sendStory",
        peer: await call.client.resolvePeer(chatId),
        media: await storyInputMedia(call, media),
        ...captionOf(params),
        privacyRules: options.privacy
          ? await privacyRules(call, options.privacy)
          : [{ _: "inputPrivacyValueAllowAll" }],
        randomId: randomLong(),
        period: options.period,
        pinned: options.pinned,
        noforwards: options.noforwards,
        albums: options.albums,
      });
      return storyOfUpdates(call, updates);
    },
  ),
  defineMethod(
    "editStory",
    "user",
    [chatIdParam(), storyIdParam, optionsParam("EditStoryParams")],
    "Story",
    async (call, chatId, storyId, params) => {
      const { content, privacy } = toEditStoryOptions(params, "params");
      const caption = captionOf(params);
      const updates = await call.client.call({
        _: "stories.editStory",
        peer: await call.client.resolvePeer(chatId),
        id: storyId,
        media: content ? await storyInputMedia(call, content) : undefined,
        // MTKruto sends an edited caption's entities, [] for none
        ...(caption.caption === undefined
          ? {}
          : { caption: caption.caption, entities: caption.entities ?? [] }),
        privacyRules: privacy ? await privacyRules(call, privacy) : undefined,
      });
      return storyOfUpdates(call, updates);
    },
  ),
  defineMethod(
    "getStories",
    "user",
    [
      chatIdParam(),
      customParam(
        "storyIds",
        "number[]",
        (value, path) => toStoryIds(value, path, { allowEmpty: true }),
      ),
    ],
    "Story[]",
    async (call, chatId, ids) => await getStories(call, chatId, ids),
  ),
  defineMethod(
    "getStory",
    "user",
    [chatIdParam(), storyIdParam],
    "Story | null",
    async (call, chatId, id) =>
      (await getStories(call, chatId, [id]))[0] ?? null,
  ),
  defineMethod(
    "deleteStories",
    "user",
    [chatIdParam(), storyIdsParam],
    "void",
    async (call, chatId, ids) => await deleteStories(call, chatId, ids),
  ),
  defineMethod(
    "deleteStory",
    "user",
    [chatIdParam(), storyIdParam],
    "void",
    async (call, chatId, id) => await deleteStories(call, chatId, [id]),
  ),
  defineMethod(
    "addStoriesToHighlights",
    "user",
    [chatIdParam(), storyIdsParam],
    "void",
    async (call, chatId, ids) => await togglePinned(call, chatId, ids, true),
  ),
  defineMethod(
    "addStoryToHighlights",
    "user",
    [chatIdParam(), storyIdParam],
    "void",
    async (call, chatId, id) => await togglePinned(call, chatId, [id], true),
  ),
  defineMethod(
    "removeStoriesFromHighlights",
    "user",
    [chatIdParam(), storyIdsParam],
    "void",
    async (call, chatId, ids) => await togglePinned(call, chatId, ids, false),
  ),
  defineMethod(
    "removeStoryFromHighlights",
    "user",
    [chatIdParam(), storyIdParam],
    "void",
    async (call, chatId, id) => await togglePinned(call, chatId, [id], false),
  ),
];
