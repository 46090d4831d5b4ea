/**
 * Users' stories (core.telegram.org/api/stories): what a story is, who may
 * see it under its privacy rules, and how each viewer sees it. Posting,
 * editing, deleting and pinning, with their updates, are in
 * `stories_delivery.ts`.
 *
 * Only users post stories here: a channel needs boosts to post, and the
 * emulator has none (see README.md, "Stories").
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import { now } from "./emit.ts";
import { resolveFileMedia } from "./media_files.ts";
import { resolveUser } from "./peers.ts";
import type { WorldState } from "./state.ts";

/** The one story period open to accounts without Telegram Premium (none here has it): a day. */
export const DEFAULT_STORY_PERIOD = 86400;

/** One posted story. */
export interface Story {
  readonly id: number;
  readonly posterId: number;
  readonly date: number;
  readonly expireDate: number;
  /** Kept on the profile ("highlights") after it expires (`stories.togglePinned`). */
  pinned: boolean;
  readonly noforwards: boolean;
  edited: boolean;
  caption: string;
  entities?: tl.TypeMessageEntity[];
  media: tl.RawMessageMediaPhoto | tl.RawMessageMediaDocument;
  /** The privacy rules as the poster set them, users resolved. */
  privacy: tl.TypePrivacyRule[];
  /** Album ids the poster put the story in (kept, not otherwise modelled). */
  albums?: number[];
}

/** Every user's stories, by poster and story id. */
export class StoryStore {
  readonly #byPoster = new Map<number, Map<number, Story>>();
  readonly #lastId = new Map<number, number>();

  /** Story ids grow per poster and are never reused, as on Telegram. */
  nextId(posterId: number): number {
    const id = (this.#lastId.get(posterId) ?? 0) + 1;
    this.#lastId.set(posterId, id);
    return id;
  }

  add(story: Story): void {
    const stories = this.#byPoster.get(story.posterId) ?? new Map();
    stories.set(story.id, story);
    this.#byPoster.set(story.posterId, stories);
  }

  get(posterId: number, id: number): Story | undefined {
    return this.#byPoster.get(posterId)?.get(id);
  }

  /** The poster's stories, oldest first (expired and pinned ones included). */
  of(posterId: number): Story[] {
    return [...(this.#byPoster.get(posterId)?.values() ?? [])];
  }

  /** Removes the stories that exist; returns them. */
  remove(posterId: number, ids: readonly number[]): Story[] {
    const stories = this.#byPoster.get(posterId);
    return ids.flatMap((id) => {
      const story = stories?.get(id);
      if (!story) return [];
      stories!.delete(id);
      return [story];
    });
  }
}

/** `privacy_rules` as stored: users resolved to ids; kinds the emulator does not model are `PRIVACY_VALUE_INVALID`. */
export function storyPrivacy(
  state: WorldState,
  posterId: number,
  rules: readonly tl.TypeInputPrivacyRule[],
): tl.TypePrivacyRule[] {
  const users = (list: tl.TypeInputUser[]) =>
    list.map((user) => resolveUser(state, posterId, user));
  return rules.map((rule): tl.TypePrivacyRule => {
    switch (rule._) {
      case "inputPrivacyValueAllowAll":
        return { _: "privacyValueAllowAll" };
      case "inputPrivacyValueAllowContacts":
        return { _: "privacyValueAllowContacts" };
      case "inputPrivacyValueAllowCloseFriends":
        return { _: "privacyValueAllowCloseFriends" };
      case "inputPrivacyValueAllowUsers":
        return { _: "privacyValueAllowUsers", users: users(rule.users) };
      case "inputPrivacyValueDisallowUsers":
        return { _: "privacyValueDisallowUsers", users: users(rule.users) };
      case "inputPrivacyValueDisallowAll":
        return { _: "privacyValueDisallowAll" };
      case "inputPrivacyValueDisallowContacts":
        return { _: "privacyValueDisallowContacts" };
      default:
        throw new RpcFailure(400, "PRIVACY_VALUE_INVALID");
    }
  });
}

/** A story's media: a photo or a video, uploaded or already on the server; anything else (URLs too) is `MEDIA_INVALID`. */
export function storyMedia(
  state: WorldState,
  posterId: number,
  media: tl.TypeInputMedia,
): Story["media"] {
  const kinds: tl.TypeInputMedia["_"][] = [
    "inputMediaUploadedPhoto",
    "inputMediaPhoto",
    "inputMediaUploadedDocument",
    "inputMediaDocument",
  ];
  if (!kinds.includes(media._)) throw new RpcFailure(400, "MEDIA_INVALID");
  const resolved = resolveFileMedia(state, posterId, media)!;
  if (resolved._ === "messageMediaDocument") {
    const document = resolved.document;
    const isVideo = document?._ === "document" &&
      document.attributes.some((a) => a._ === "documentAttributeVideo");
    if (!isVideo) throw new RpcFailure(400, "MEDIA_INVALID");
  }
  return resolved;
}

function listed(
  rules: readonly tl.TypePrivacyRule[],
  kind: "privacyValueAllowUsers" | "privacyValueDisallowUsers",
  userId: number,
): boolean {
  return rules.some((rule) => rule._ === kind && rule.users.includes(userId));
}

function has(rules: readonly tl.TypePrivacyRule[], kind: string): boolean {
  return rules.some((rule) => rule._ === kind);
}

/**
 * Whether `viewer` may see the story under its privacy rules: the poster
 * always; never someone the poster keeps from its stories or excludes by
 * name; else everyone, the poster's contacts, or the users named. Close
 * friends lists are not modelled: such a story is the poster's alone.
 */
export function maySee(
  state: WorldState,
  story: Story,
  viewerId: number,
): boolean {
  if (viewerId === story.posterId) return true;
  const poster = state.accounts.require(story.posterId);
  const { privacy } = story;
  if (poster.blockedFromStories.has(viewerId) || poster.blocked.has(viewerId)) {
    return false;
  }
  if (listed(privacy, "privacyValueDisallowUsers", viewerId)) return false;
  if (listed(privacy, "privacyValueAllowUsers", viewerId)) return true;
  if (has(privacy, "privacyValueAllowAll")) return true;
  return has(privacy, "privacyValueAllowContacts") &&
    poster.contacts.has(viewerId);
}

/** Whether the story is still active (not expired). */
export function isActive(story: Story): boolean {
  return story.expireDate > now();
}

/** Whether `viewerId` can fetch the story: its poster always (the archive), others while it is active or once it is pinned to the profile. */
export function mayFetch(
  state: WorldState,
  story: Story,
  viewerId: number,
): boolean {
  if (viewerId === story.posterId) return true;
  return (isActive(story) || story.pinned) && maySee(state, story, viewerId);
}

/**
 * Who is told of the poster's story changes besides its own sessions: the
 * users who follow it (who saved it as a contact, as Telegram shows
 * contacts' stories) and may see the story.
 */
export function storyFollowers(state: WorldState, story: Story): Account[] {
  return state.accounts.all().filter((account) =>
    account.kind === "user" && account.id !== story.posterId &&
    account.contacts.has(story.posterId) && maySee(state, story, account.id)
  );
}

/** The `storyItem` as `viewerId` sees it: only the poster gets `out` and the privacy rules. */
export function toTlStory(story: Story, viewerId: number): tl.RawStoryItem {
  const own = viewerId === story.posterId;
  const { privacy } = story;
  return {
    _: "storyItem",
    pinned: story.pinned || undefined,
    public: has(privacy, "privacyValueAllowAll") || undefined,
    closeFriends: has(privacy, "privacyValueAllowCloseFriends") || undefined,
    contacts: has(privacy, "privacyValueAllowContacts") || undefined,
    selectedContacts: has(privacy, "privacyValueAllowUsers") || undefined,
    noforwards: story.noforwards || undefined,
    edited: story.edited || undefined,
    out: own || undefined,
    id: story.id,
    date: story.date,
    expireDate: story.expireDate,
    caption: story.caption || undefined,
    entities: story.entities?.length ? story.entities : undefined,
    media: story.media,
    privacy: own ? privacy : undefined,
    views: own ? { _: "storyViews", viewsCount: 0 } : undefined,
    albums: own && story.albums?.length ? story.albums : undefined,
  };
}
