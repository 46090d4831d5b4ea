/**
 * The content variants of a TL `message` (types.md §4.2–4.3): the variant is
 * chosen and its payload appended to the draft built by message_base.ts.
 *
 * Divergences, for content MTKruto cannot build either: a photo medium
 * without a photo (an expired self-destructing one), a link medium without a
 * URL and `webPageNotModified` give `unsupported` where MTKruto fails the
 * message; `rich_message` gives `unsupported` (MTKruto's `richText` needs
 * page-block renderers we do not have). Sticker `setName` needs the network
 * (MTKruto looks the set up): the caller resolves the names first
 * (render/sticker_sets.ts) and passes them in; without them it is left out.
 */
import type { tl } from "@mtcute/core";
import { renderChecklist } from "./checklist.ts";
import { renderGiveaway } from "./giveaway.ts";
import { renderLinkPreview } from "./link_preview.ts";
import type { MessageDraft } from "./message_base.ts";
import {
  renderContact,
  renderDice,
  renderDocumentContent,
  renderGame,
  renderInvoice,
  renderLocation,
  renderPhoto,
  renderVenue,
  renderVideo,
} from "./media.ts";
import { renderEntities } from "./message_entity.ts";
import type { PeerLookup } from "./peers.ts";
import { renderPoll } from "./poll.ts";
import { RenderError } from "./render_error.ts";
import { stickerSetNameOf, type StickerSetNames } from "./sticker.ts";

/** Telegram's `ttl_seconds` for "destroy once opened" (the largest int32). */
const AFTER_OPEN = 2147483647;
/** The file name MTKruto gives the video of a live photo or of paid media. */
const FORCED_VIDEO_NAME = "video.mp4";

/** Appends the media base fields: caption, its entities, self-destruct and spoiler. */
function putMediaBase(
  draft: MessageDraft,
  raw: tl.RawMessage,
  media?: tl.RawMessageMediaPhoto | tl.RawMessageMediaDocument,
): void {
  draft.caption = raw.message;
  draft.captionEntities = renderEntities(raw.entities);
  if (media?.ttlSeconds !== undefined) {
    draft.selfDestruct = media.ttlSeconds === AFTER_OPEN
      ? "afterOpen"
      : media.ttlSeconds;
  }
  if (media) draft.isSpoiler = media.spoiler ?? false;
}

/** The video document of a live photo or paid video; an empty one cannot be rendered. */
function requiredVideo(document: tl.TypeDocument | undefined): tl.RawDocument {
  if (document?._ !== "document") {
    throw new RenderError(`Video medium has ${document?._ ?? "no document"}`);
  }
  return document;
}

/** `photo`, or `livePhoto` when the medium also has a video. */
function putPhoto(
  draft: MessageDraft,
  media: tl.RawMessageMediaPhoto,
  photo: tl.RawPhoto,
): void {
  const rendered = renderPhoto(photo);
  if (media.video) {
    const video = renderVideo(requiredVideo(media.video), FORCED_VIDEO_NAME);
    draft.type = "livePhoto";
    draft.photo = rendered;
    draft.video = video;
  } else {
    draft.type = "photo";
    draft.photo = rendered;
  }
}

/** A document medium: the variant its attributes give; sticker and videoNote carry no caption fields. */
function putDocument(
  draft: MessageDraft,
  raw: tl.RawMessage,
  media: tl.RawMessageMediaDocument,
  stickerSetName: StickerSetNames | undefined,
): void {
  const { document } = media;
  if (document?._ !== "document") return;
  const content = renderDocumentContent(document, {
    stickerSetName: stickerSetNameOf(document, stickerSetName),
  });
  if (content.type !== "sticker" && content.type !== "videoNote") {
    putMediaBase(draft, raw, media);
  }
  Object.assign(draft, content);
}

/** The caption fields of paid media: MTKruto sets `starCount` between the entities and the spoiler. */
function putPaidMediaBase(
  draft: MessageDraft,
  raw: tl.RawMessage,
  starCount: number,
  purchased: tl.RawMessageMediaPhoto | tl.RawMessageMediaDocument,
): void {
  draft.caption = raw.message;
  draft.captionEntities = renderEntities(raw.entities);
  draft.starCount = starCount;
  draft.isSpoiler = purchased.spoiler ?? false;
}

/** Paid media: `starCount`, then the first purchased medium as photo/livePhoto/video, else unsupported. */
function putPaidMedia(
  draft: MessageDraft,
  raw: tl.RawMessage,
  media: tl.RawMessageMediaPaidMedia,
): void {
  const starCount = media.starsAmount.toNumber();
  const purchased = media.extendedMedia.find((
    item,
  ): item is tl.RawMessageExtendedMedia => item._ === "messageExtendedMedia")
    ?.media;
  if (
    purchased?._ === "messageMediaPhoto" && purchased.photo?._ === "photo"
  ) {
    putPaidMediaBase(draft, raw, starCount, purchased);
    putPhoto(draft, purchased, purchased.photo);
  } else if (purchased?._ === "messageMediaDocument") {
    putPaidMediaBase(draft, raw, starCount, purchased);
    draft.type = "video";
    draft.video = renderVideo(
      requiredVideo(purchased.document),
      FORCED_VIDEO_NAME,
    );
  } else {
    draft.starCount = starCount;
  }
}

/** The poll context: peers for `addedBy`, sticker set names, our LinkPreview for link media. */
function pollContext(
  peers: PeerLookup,
  stickerSetName: StickerSetNames | undefined,
) {
  return {
    peers,
    stickerSetName,
    linkPreview: (media: tl.RawMessageMediaWebPage) => {
      const preview = renderLinkPreview(media);
      if (!preview) throw new RenderError("Poll link medium has no page");
      return preview;
    },
  };
}

/** A web page without text: `link`, when the preview has the URL MTKruto requires. */
function putLink(
  draft: MessageDraft,
  raw: tl.RawMessage,
  media: tl.RawMessageMediaWebPage,
): void {
  const linkPreview = renderLinkPreview(media, raw.invertMedia ?? false);
  if (!linkPreview?.url) return;
  draft.type = "link";
  draft.linkPreview = linkPreview;
}

/** Sets the variant for media without caption fields; unknown media leave the draft unsupported. */
function putPlain(
  draft: MessageDraft,
  media: tl.TypeMessageMedia,
  peers: PeerLookup,
  stickerSetName: StickerSetNames | undefined,
): void {
  switch (media._) {
    case "messageMediaDice":
      draft.type = "dice";
      draft.dice = renderDice(media);
      return;
    case "messageMediaGame":
      draft.type = "game";
      draft.game = renderGame(media.game);
      return;
    case "messageMediaPoll":
      draft.type = "poll";
      draft.poll = renderPoll(media, pollContext(peers, stickerSetName));
      return;
    case "messageMediaToDo":
      draft.type = "checklist";
      draft.checklist = renderChecklist(media, peers);
      return;
    case "messageMediaVenue":
      draft.type = "venue";
      draft.venue = renderVenue(media);
      return;
    case "messageMediaGeo":
    case "messageMediaGeoLive":
      draft.type = "location";
      draft.location = renderLocation(media);
      return;
    case "messageMediaGiveaway":
      draft.type = "giveaway";
      draft.giveaway = renderGiveaway(media);
      return;
    case "messageMediaInvoice":
      draft.type = "invoice";
      draft.invoice = renderInvoice(media);
      return;
    default:
      return;
  }
}

/**
 * Chooses the content variant of `raw` and appends its payload; the draft
 * stays `unsupported` when none fits. `stickerSetName` names the sets its
 * stickers reference (`setName` is left out for the ones it does not know).
 */
export function putContent(
  draft: MessageDraft,
  raw: tl.RawMessage,
  peers: PeerLookup,
  stickerSetName?: StickerSetNames,
): void {
  if (raw.richMessage) return;
  const media = raw.media;
  if (raw.message && (!media || media._ === "messageMediaWebPage")) {
    draft.type = "text";
    draft.text = raw.message;
    draft.entities = renderEntities(raw.entities);
    const linkPreview = media &&
      renderLinkPreview(media, raw.invertMedia ?? false);
    if (linkPreview) draft.linkPreview = linkPreview;
    return;
  }
  if (!media) return;
  switch (media._) {
    case "messageMediaPhoto":
      if (media.photo?._ === "photo") {
        putMediaBase(draft, raw, media);
        putPhoto(draft, media, media.photo);
      }
      return;
    case "messageMediaDocument":
      putDocument(draft, raw, media, stickerSetName);
      return;
    case "messageMediaContact":
      // MTKruto's quirk: contacts carry the caption fields although Telegram gives them no caption.
      putMediaBase(draft, raw);
      draft.type = "contact";
      draft.contact = renderContact(media);
      return;
    case "messageMediaWebPage":
      putLink(draft, raw, media);
      return;
    case "messageMediaPaidMedia":
      putPaidMedia(draft, raw, media);
      return;
    default:
      putPlain(draft, media, peers, stickerSetName);
  }
}
