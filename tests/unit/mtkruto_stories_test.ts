/** Stories: the readers of the story methods and Story / StoryReference as MTKruto renders them (types.md §13, §3.1). */
import type { tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import {
  toCreateStoryOptions,
  toEditStoryOptions,
  toPrivacyRules,
  toStoryContent,
  toStoryIds,
  toStoryPrivacy,
} from "../../src/mtkruto/params/stories.ts";
import { renderPhoto } from "../../src/mtkruto/types/photo.ts";
import {
  renderStory,
  renderStoryPrivacy,
} from "../../src/mtkruto/types/story.ts";
import { renderInteractiveArea } from "../../src/mtkruto/types/story_interactive_area.ts";
import { planUpdate } from "../../src/mtkruto/updates/from_tl.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { assertRendersAs, tlDocument, tlPhoto } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  CHANNEL_ID,
  peerUser,
} from "./_mtkruto_message_fixtures.ts";
import { attachedFile } from "./_mtkruto_params_fixtures.ts";

const COORDINATES: tl.RawMediaAreaCoordinates = {
  _: "mediaAreaCoordinates",
  x: 10,
  y: 20,
  w: 30,
  h: 40,
  rotation: 5,
};
const POSITION = {
  xPercentage: 10,
  yPercentage: 20,
  widthPercentage: 30,
  heightPercentage: 40,
  rotationAngle: 5,
};

function storyItem(overrides: Partial<tl.RawStoryItem> = {}): tl.RawStoryItem {
  return {
    _: "storyItem",
    id: 7,
    date: 1767225600,
    expireDate: 1767312000,
    media: { _: "messageMediaPhoto", photo: tlPhoto() },
    ...overrides,
  };
}

function plan(update: tl.TypeUpdate) {
  const chats = new MessageChats(":memory:");
  try {
    return planUpdate(update, allPeers(), { chats });
  } finally {
    chats.close();
  }
}

Deno.test("story ids: positive integers; a list must not be empty unless allowed", () => {
  assertEquals(toStoryIds([1, 2], "storyIds"), [1, 2]);
  assertEquals(toStoryIds([], "storyIds", { allowEmpty: true }), []);
  assertThrowsWithMessage(
    () => toStoryIds([], "storyIds"),
    InputError,
    "storyIds must be a non-empty array of story ids",
  );
  assertThrowsWithMessage(
    () => toStoryIds([1, 0], "storyIds"),
    InputError,
    "storyIds[1] must be an integer from 1 to 2147483647",
  );
});

Deno.test("InputStoryContent: a photo or a video with its duration; URLs and stickers are refused", () => {
  const photo = toStoryContent(
    { type: "photo", photo: attachedFile("a.jpg") },
    "content",
    { fileName: "a.jpg" },
  );
  assertEquals(photo.isAnimation, false);
  assertEquals(
    (photo.media as { type: string; fileName?: string }).type,
    "photo",
  );
  assertEquals((photo.media as { fileName?: string }).fileName, "a.jpg");
  const video = toStoryContent(
    {
      type: "video",
      video: attachedFile("v.mp4"),
      duration: 4.5,
      isAnimation: true,
    },
    "content",
    {},
  );
  const media = video.media as unknown as Record<string, unknown>;
  assertEquals([media.type, media.duration, media.width, media.height], [
    "video",
    4.5,
    720,
    1280,
  ]);
  assertEquals(video.isAnimation, true);
  assertThrowsWithMessage(
    () =>
      toStoryContent(
        { type: "video", video: attachedFile("v.mp4") },
        "content",
        {},
      ),
    InputError,
    "content.duration must be a number",
  );
  assertThrowsWithMessage(
    () =>
      toStoryContent(
        { type: "photo", photo: "https://example.com/a.jpg" },
        "content",
        {},
      ),
    InputError,
    "content.photo: URL not supported.",
  );
  assertThrowsWithMessage(
    () =>
      toStoryContent(
        {
          type: "photo",
          photo: attachedFile("a.jpg"),
          attachedStickerFileIds: ["x"],
        },
        "content",
        {},
      ),
    InputError,
    "content.attachedStickerFileIds is not supported by this server",
  );
});

Deno.test("StoryPrivacy reads into TL privacy rules as MTKruto builds them", async () => {
  const users = (id: number): Promise<tl.TypeInputUser> =>
    Promise.resolve({ _: "inputUser", userId: id, accessHash: 0 as never });
  assertEquals(
    await toPrivacyRules(
      toStoryPrivacy({ type: "everyone", except: [5] }, "privacy"),
      users,
    ),
    [
      {
        _: "inputPrivacyValueDisallowUsers",
        users: [{ _: "inputUser", userId: 5, accessHash: 0 as never }],
      },
      { _: "inputPrivacyValueAllowAll" },
    ],
  );
  assertEquals(
    await toPrivacyRules(
      toStoryPrivacy({ type: "contacts" }, "privacy"),
      users,
    ),
    [{ _: "inputPrivacyValueAllowContacts" }],
  );
  assertEquals(
    await toPrivacyRules(
      toStoryPrivacy({ type: "closeFriends" }, "privacy"),
      users,
    ),
    [{ _: "inputPrivacyValueAllowCloseFriends" }],
  );
  assertThrowsWithMessage(
    () => toStoryPrivacy({ type: "only", only: [] }, "privacy"),
    InputError,
    "privacy.only must be a non-empty array of user ids",
  );
  assertThrowsWithMessage(
    () => toStoryPrivacy({ type: "friends" }, "privacy"),
    InputError,
    'privacy.type must be one of "everyone", "contacts", "closeFriends" or "only"',
  );
});

Deno.test("CreateStoryParams and EditStoryParams: MTKruto's flags; reposts and interactive areas are refused", () => {
  assertEquals(
    toCreateStoryOptions({
      activeFor: 86400,
      highlight: true,
      isContentProtected: false,
      albumIds: [3],
    }, "params"),
    {
      privacy: undefined,
      period: 86400,
      pinned: true,
      noforwards: undefined,
      albums: [3],
    },
  );
  assertThrowsWithMessage(
    () => toCreateStoryOptions({ forwardedFromStoryId: 2 }, "params"),
    InputError,
    "params.forwardedFromStoryId is not supported by this server",
  );
  assertThrowsWithMessage(
    () => toEditStoryOptions({ interactiveAreas: [] }, "params"),
    InputError,
    "params.interactiveAreas is not supported by this server",
  );
  assertEquals(toEditStoryOptions({}, "params"), {
    content: undefined,
    privacy: undefined,
  });
});

Deno.test("Story: a poster's own photo story with its privacy, views and caption", () => {
  const story = renderStory(
    storyItem({
      out: true,
      pinned: true,
      caption: "Hi all",
      entities: [{ _: "messageEntityBold", offset: 0, length: 2 }],
      privacy: [
        { _: "privacyValueDisallowUsers", users: [5] },
        { _: "privacyValueAllowAll" },
      ],
      views: { _: "storyViews", viewsCount: 3, reactionsCount: 1 },
    }),
    peerUser(ADA_ID),
    allPeers(),
  );
  const { chat, ...rest } = story;
  assertEquals([chat.id, chat.type], [ADA_ID, "private"]);
  assertRendersAs(rest, {
    isOutgoing: true,
    id: 7,
    date: 1767225600,
    content: { type: "photo", photo: renderPhoto(tlPhoto()) },
    isEdited: false,
    interactiveAreas: [],
    isHighlighted: true,
    interactions: { reactionCount: 1, views: 3, forwards: 0 },
    privacy: { type: "everyone", except: [5] },
    caption: "Hi all",
    captionEntities: [{ type: "bold", offset: 0, length: 2 }],
  });
});

Deno.test("Story: a video story has no file name; other media are unsupported", () => {
  const document = tlDocument([
    { _: "documentAttributeVideo", duration: 3, w: 720, h: 1280 },
    { _: "documentAttributeFilename", fileName: "clip.mp4" },
  ], { mimeType: "video/mp4" });
  const video = renderStory(
    storyItem({ media: { _: "messageMediaDocument", document } }),
    peerUser(ADA_ID),
    allPeers(),
  );
  assertEquals(video.content.type, "video");
  assertEquals(
    video.content.type === "video" &&
      [video.content.video.duration, video.content.video.fileName],
    [3, undefined],
  );
  const other = renderStory(
    storyItem({ media: { _: "messageMediaUnsupported" } }),
    peerUser(ADA_ID),
    allPeers(),
  );
  assertEquals(other.content, { type: "unsupported" });
  assertEquals(other.privacy, undefined);
});

Deno.test("StoryPrivacy: the broadest rule wins, as MTKruto reads it", () => {
  assertEquals(renderStoryPrivacy([{ _: "privacyValueAllowContacts" }]), {
    type: "contacts",
    except: [],
  });
  assertEquals(renderStoryPrivacy([{ _: "privacyValueAllowCloseFriends" }]), {
    type: "closeFriends",
  });
  assertEquals(
    renderStoryPrivacy([{ _: "privacyValueAllowUsers", users: [1, 2] }]),
    { type: "only", only: [1, 2] },
  );
});

Deno.test("interactive areas: places, reactions (count 0), posts, links, weather, gifts", () => {
  const geo: tl.RawGeoPoint = {
    _: "geoPoint",
    lat: 1.5,
    long: 2.5,
    accessHash: 0 as never,
  };
  assertEquals(
    renderInteractiveArea({
      _: "mediaAreaGeoPoint",
      coordinates: COORDINATES,
      geo,
    }),
    {
      type: "location",
      position: POSITION,
      location: { latitude: 1.5, longitude: 2.5 },
    },
  );
  assertEquals(
    renderInteractiveArea({
      _: "mediaAreaSuggestedReaction",
      coordinates: COORDINATES,
      reaction: { _: "reactionEmoji", emoticon: "👍" },
      dark: true,
    }),
    {
      type: "reaction",
      position: POSITION,
      reaction: { type: "emoji", emoji: "👍" },
      count: 0,
      isFlipped: false,
      isDark: true,
    },
  );
  assertEquals(
    renderInteractiveArea({
      _: "mediaAreaChannelPost",
      coordinates: COORDINATES,
      channelId: CHANNEL_ID,
      msgId: 9,
    }),
    {
      type: "messageReference",
      position: POSITION,
      messageReference: { chatId: -1000000000000 - CHANNEL_ID, messageId: 9 },
    },
  );
  assertEquals(
    renderInteractiveArea({
      _: "mediaAreaUrl",
      coordinates: COORDINATES,
      url: "https://t.me",
    }),
    { type: "link", position: POSITION, link: "https://t.me" },
  );
  assertEquals(
    renderInteractiveArea({
      _: "mediaAreaWeather",
      coordinates: COORDINATES,
      emoji: "☀️",
      temperatureC: 21.5,
      color: 255,
    }),
    {
      type: "weather",
      position: POSITION,
      emoji: "☀️",
      temperature: 21.5,
      color: 255,
    },
  );
  assertEquals(
    renderInteractiveArea({
      _: "mediaAreaStarGift",
      coordinates: COORDINATES,
      slug: "cap-1",
    }),
    { type: "gift", position: POSITION, slug: "cap-1" },
  );
});

Deno.test("updateStory: story for a story item, deletedStory for a deletion, nothing for a skipped one", () => {
  const posted = plan({
    _: "updateStory",
    peer: peerUser(ADA_ID),
    story: storyItem(),
  });
  assertEquals(posted?.type, "story");
  assertEquals(
    posted && "update" in posted &&
      (posted.update.story as { id: number; isOutgoing: boolean }).id,
    7,
  );
  assertEquals(
    plan({
      _: "updateStory",
      peer: peerUser(ADA_ID),
      story: { _: "storyItemDeleted", id: 7 },
    }),
    {
      type: "deletedStory",
      identity: `deletedStory:${ADA_ID}:7`,
      update: {
        type: "deletedStory",
        deletedStory: { chatId: ADA_ID, storyId: 7 },
      },
    },
  );
  assertEquals(
    plan({
      _: "updateStory",
      peer: peerUser(ADA_ID),
      story: {
        _: "storyItemSkipped",
        id: 8,
        date: 1767225600,
        expireDate: 1767312000,
      },
    }),
    undefined,
  );
});
