/**
 * The story methods (core.telegram.org/api/stories): `stories.sendStory`,
 * `editStory`, `deleteStories`, `togglePinned` and `getStoriesByID`. A
 * story's changes reach the poster's other sessions and its followers
 * (`storyFollowers`) as `updateStory`, which is not a pts event: pushed
 * once to the sessions connected now, in an `updates` container without
 * seq, as Telegram sends it.
 */
import type { Long, tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { type DeliveryContext, now, peerUser } from "./emit.ts";
import { resolveEntities } from "./peers.ts";
import {
  DEFAULT_STORY_PERIOD,
  mayFetch,
  type Story,
  storyFollowers,
  storyMedia,
  storyPrivacy,
  toTlStory,
} from "./stories.ts";

/** What `stories.sendStory` carries, its peer resolved to the poster. */
export interface NewStory {
  posterId: number;
  media: tl.TypeInputMedia;
  caption?: string;
  entities?: tl.TypeMessageEntity[];
  privacyRules: tl.TypeInputPrivacyRule[];
  randomId: Long;
  period?: number;
  pinned?: boolean;
  noforwards?: boolean;
  albums?: number[];
}

/** An `updates` container of non-pts updates for `viewerId` (seq 0: it takes no place in the sequence). */
function container(
  ctx: DeliveryContext,
  viewerId: number,
  updates: tl.TypeUpdate[],
  userIds: number[],
): tl.RawUpdates {
  return {
    _: "updates",
    updates,
    users: ctx.state.users([viewerId, ...userIds], viewerId),
    chats: [],
    date: now(),
    seq: 0,
  };
}

/** The `updateStory` of `story` (or of its deletion) as `viewerId` sees it. */
function storyUpdate(
  story: Story,
  viewerId: number,
  deleted: boolean,
): tl.RawUpdateStory {
  return {
    _: "updateStory",
    peer: peerUser(story.posterId),
    story: deleted
      ? { _: "storyItemDeleted", id: story.id }
      : toTlStory(story, viewerId),
  };
}

/** Tells the poster's other sessions and `followerIds` of the story's change. */
function announce(
  ctx: DeliveryContext,
  story: Story,
  followerIds: readonly number[],
  deleted = false,
): void {
  const { posterId } = story;
  for (const viewerId of [posterId, ...followerIds]) {
    ctx.sessions.push(
      viewerId,
      container(ctx, viewerId, [storyUpdate(story, viewerId, deleted)], [
        posterId,
      ]),
      ctx.caller,
    );
  }
}

/** The caller's own stories named by `ids`; unknown ids are `STORY_ID_INVALID`. */
function ownStories(
  ctx: DeliveryContext,
  posterId: number,
  ids: readonly number[],
): Story[] {
  return ids.map((id) => {
    const story = ctx.state.stories.get(posterId, id);
    if (!story) throw new RpcFailure(400, "STORY_ID_INVALID");
    return story;
  });
}

/** `stories.sendStory`: answers `updateStoryID` and the poster's `updateStory`. */
export function sendStory(
  ctx: DeliveryContext,
  input: NewStory,
): tl.RawUpdates {
  const { state } = ctx;
  const { posterId } = input;
  const period = input.period ?? DEFAULT_STORY_PERIOD;
  if (period !== DEFAULT_STORY_PERIOD) {
    throw new RpcFailure(400, "STORY_PERIOD_INVALID");
  }
  const privacy = storyPrivacy(state, posterId, input.privacyRules);
  const media = storyMedia(state, posterId, input.media);
  const date = now();
  const story: Story = {
    id: state.stories.nextId(posterId),
    posterId,
    date,
    expireDate: date + period,
    pinned: input.pinned ?? false,
    noforwards: input.noforwards ?? false,
    edited: false,
    caption: input.caption ?? "",
    entities: input.entities &&
      resolveEntities(state, posterId, input.entities),
    media,
    privacy,
    albums: input.albums,
  };
  state.stories.add(story);
  announce(ctx, story, storyFollowers(state, story).map((f) => f.id));
  return container(ctx, posterId, [
    { _: "updateStoryID", id: story.id, randomId: input.randomId },
    storyUpdate(story, posterId, false),
  ], []);
}

/** `stories.editStory`: new media, caption or privacy; marks the story edited. */
export function editStory(
  ctx: DeliveryContext,
  input: {
    posterId: number;
    id: number;
    media?: tl.TypeInputMedia;
    caption?: string;
    entities?: tl.TypeMessageEntity[];
    privacyRules?: tl.TypeInputPrivacyRule[];
  },
): tl.RawUpdates {
  const { state } = ctx;
  const { posterId } = input;
  const [story] = ownStories(ctx, posterId, [input.id]);
  const before = storyFollowers(state, story).map((f) => f.id);
  if (input.media) story.media = storyMedia(state, posterId, input.media);
  if (input.caption !== undefined) {
    story.caption = input.caption;
    story.entities = input.entities &&
      resolveEntities(state, posterId, input.entities);
  }
  if (input.privacyRules) {
    story.privacy = storyPrivacy(state, posterId, input.privacyRules);
  }
  story.edited = true;
  const after = storyFollowers(state, story).map((f) => f.id);
  announce(ctx, story, after);
  // followers the new privacy leaves out see the story go
  announce(ctx, story, before.filter((id) => !after.includes(id)), true);
  return container(ctx, posterId, [storyUpdate(story, posterId, false)], []);
}

/** `stories.deleteStories`: the ids of the poster's stories that were deleted (unknown ones are skipped). */
export function deleteStories(
  ctx: DeliveryContext,
  input: { posterId: number; ids: number[] },
): number[] {
  if (input.ids.length === 0) throw new RpcFailure(400, "STORY_ID_EMPTY");
  const { state } = ctx;
  const existing = input.ids.flatMap((id) => {
    const story = state.stories.get(input.posterId, id);
    return story ? [story] : [];
  });
  const followers = new Map(
    existing.map((story) => [
      story.id,
      storyFollowers(state, story).map((f) => f.id),
    ]),
  );
  const removed = state.stories.remove(input.posterId, input.ids);
  for (const story of removed) {
    announce(ctx, story, followers.get(story.id) ?? [], true);
  }
  return removed.map((story) => story.id);
}

/** `stories.togglePinned`: pins the poster's stories to its profile or unpins them; the ids changed. */
export function togglePinned(
  ctx: DeliveryContext,
  input: { posterId: number; ids: number[]; pinned: boolean },
): number[] {
  if (input.ids.length === 0) throw new RpcFailure(400, "STORY_ID_EMPTY");
  const stories = ownStories(ctx, input.posterId, input.ids);
  for (const story of stories) {
    story.pinned = input.pinned;
    // only the poster's own sessions: profile placement is the poster's view
    announce(ctx, story, []);
  }
  return stories.map((story) => story.id);
}

/** `stories.getStoriesByID`: the stories of `posterId` the viewer may fetch, in the order asked (the others are left out). */
export function getStoriesById(
  ctx: DeliveryContext,
  input: { viewerId: number; posterId: number; ids: number[] },
): tl.stories.RawStories {
  const { state } = ctx;
  const stories = input.ids.flatMap((id) => {
    const story = state.stories.get(input.posterId, id);
    return story && mayFetch(state, story, input.viewerId)
      ? [toTlStory(story, input.viewerId)]
      : [];
  });
  return {
    _: "stories.stories",
    count: stories.length,
    stories,
    chats: [],
    users: state.users([input.posterId], input.viewerId),
  };
}
