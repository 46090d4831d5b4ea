/**
 * Story and StoryReference in MTKruto's shape (types.md §13), from a TL
 * `storyItem` and the peer that posted it.
 *
 * A story's photo and video carry the file ids of an ordinary photo and
 * video. MTKruto writes TDLib's PhotoStory/VideoStory file types there,
 * which neither mtcute nor this server can read back; the unique ids are
 * the same either way.
 */
import type { tl } from "@mtcute/core";
import { renderVideo, type Video } from "./documents.ts";
import { type MessageEntity, renderEntities } from "./message_entity.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { type ChatP, peerChatP, type PeerLookup } from "./peers.ts";
import { type Photo, renderPhoto } from "./photo.ts";
import { type Reaction, renderReaction } from "./reactions.ts";
import { RenderError } from "./render_error.ts";
import {
  renderInteractiveArea,
  type StoryInteractiveArea,
} from "./story_interactive_area.ts";

/** Which story of which chat. */
export interface StoryReference {
  chatId: number;
  storyId: number;
}

/** What a story shows. */
export type StoryContent =
  | { type: "photo"; photo: Photo }
  | { type: "video"; video: Video }
  | { type: "unsupported" };

/** A reaction made to a story: how many chose it and whether the account did. */
export interface StoryReaction {
  reaction: Reaction;
  count: number;
  isChosen: boolean;
}

/** How a story was received (its poster sees these). */
export interface StoryInteractions {
  reactions?: StoryReaction[];
  reactionCount?: number;
  views: number;
  forwards: number;
}

/** Who may see a story: user ids listed or excepted. */
export type StoryPrivacy =
  | { type: "everyone"; except: number[] }
  | { type: "contacts"; except: number[] }
  | { type: "closeFriends" }
  | { type: "only"; only: number[] };

/** A story. */
export interface Story {
  isOutgoing: boolean;
  id: number;
  chat: ChatP;
  date: number;
  content: StoryContent;
  isEdited: boolean;
  interactiveAreas: StoryInteractiveArea[];
  /** Kept on the profile after it expires (TL `pinned`). */
  isHighlighted: boolean;
  interactions?: StoryInteractions;
  privacy?: StoryPrivacy;
  caption?: string;
  captionEntities?: MessageEntity[];
}

/** The content of a story's media: a photo, a video (a document with a video attribute), or unsupported. */
export function renderStoryContent(media: tl.TypeMessageMedia): StoryContent {
  if (media._ === "messageMediaPhoto") {
    if (media.photo?._ !== "photo") {
      throw new RenderError("A story's photo is missing");
    }
    return { type: "photo", photo: renderPhoto(media.photo) };
  }
  if (media._ === "messageMediaDocument") {
    if (media.document?._ !== "document") {
      throw new RenderError("A story's video is missing");
    }
    // MTKruto gives a story's video no file name, whatever its attributes say
    const { fileName: _, ...video } = renderVideo(media.document);
    return { type: "video", video };
  }
  return { type: "unsupported" };
}

/** The interactions of a story's TL views. */
export function renderStoryInteractions(
  views: tl.RawStoryViews,
): StoryInteractions {
  const reactions = views.reactions?.flatMap((count): StoryReaction[] => {
    const reaction = renderReaction(count.reaction);
    return reaction
      ? [{
        reaction,
        count: count.count,
        isChosen: count.chosenOrder !== undefined,
      }]
      : [];
  });
  return omitUndefined({
    reactions,
    reactionCount: views.reactionsCount,
    views: views.viewsCount,
    forwards: views.forwardsCount ?? 0,
  });
}

function usersOf(
  rules: readonly tl.TypePrivacyRule[],
  kind: "privacyValueDisallowUsers" | "privacyValueAllowUsers",
): number[] {
  const rule = rules.find((item) => item._ === kind);
  return rule && "users" in rule ? [...rule.users] : [];
}

/** The StoryPrivacy of a story's privacy rules, as MTKruto reads them (the broadest rule wins). */
export function renderStoryPrivacy(
  rules: readonly tl.TypePrivacyRule[],
): StoryPrivacy {
  const except = usersOf(rules, "privacyValueDisallowUsers");
  const has = (kind: string) => rules.some((rule) => rule._ === kind);
  if (has("privacyValueAllowAll")) return { type: "everyone", except };
  if (has("privacyValueAllowContacts")) return { type: "contacts", except };
  if (has("privacyValueAllowCloseFriends")) return { type: "closeFriends" };
  return { type: "only", only: usersOf(rules, "privacyValueAllowUsers") };
}

/** The Story of a TL story item posted by `peer`, its peer from the users and chats that came with it. */
export function renderStory(
  story: tl.RawStoryItem,
  peer: tl.TypePeer,
  peers: PeerLookup,
): Story {
  return omitUndefined({
    isOutgoing: story.out ?? false,
    id: story.id,
    chat: peerChatP(peers, peer),
    date: story.date,
    content: renderStoryContent(story.media),
    isEdited: story.edited ?? false,
    interactiveAreas: (story.mediaAreas ?? []).map(renderInteractiveArea),
    isHighlighted: story.pinned ?? false,
    interactions: story.views?._ === "storyViews"
      ? renderStoryInteractions(story.views)
      : undefined,
    privacy: story.privacy ? renderStoryPrivacy(story.privacy) : undefined,
    caption: story.caption,
    captionEntities: story.entities
      ? renderEntities(story.entities)
      : undefined,
  });
}
