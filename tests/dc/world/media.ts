/**
 * Turns the `InputMedia` of `messages.sendMedia`/`uploadMedia`/
 * `sendMultiMedia`/`editMessage` into stored `MessageMedia`, by kind: files
 * (`media_files.ts`), places, contacts and dice (`media_places.ts`), polls
 * (`polls.ts`), bots' invoices (`payments.ts`). External media (a URL for
 * Telegram to fetch) fail as they do on Telegram when the fetch fails: the
 * emulator has no network.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { resolveFileMedia } from "./media_files.ts";
import { resolvePlaceMedia } from "./media_places.ts";
import { createInvoiceMedia } from "./payments.ts";
import { createPollMedia } from "./polls.ts";
import type { WorldState } from "./state.ts";

/** Media kinds an album may hold: files already on the server (uploads go through `messages.uploadMedia` first) or URLs (refused, see `refuseExternal`). */
const ALBUM_MEDIA = new Set<tl.TypeInputMedia["_"]>([
  "inputMediaPhoto",
  "inputMediaDocument",
  "inputMediaPhotoExternal",
  "inputMediaDocumentExternal",
]);

/** Media Telegram makes by downloading a URL. */
const EXTERNAL_MEDIA = new Set<tl.TypeInputMedia["_"]>([
  "inputMediaPhotoExternal",
  "inputMediaDocumentExternal",
]);

/** `WEBPAGE_CURL_FAILED` (Telegram's answer when it cannot fetch a URL) for external media. */
function refuseExternal(media: tl.TypeInputMedia): void {
  if (EXTERNAL_MEDIA.has(media._)) {
    throw new RpcFailure(400, "WEBPAGE_CURL_FAILED");
  }
}

/** Stores uploaded media or looks up stored media, for a message `accountId` sends; unsupported kinds are `MEDIA_INVALID`. */
export function resolveMedia(
  state: WorldState,
  accountId: number,
  media: tl.TypeInputMedia,
): tl.TypeMessageMedia {
  if (media._ === "inputMediaEmpty") throw new RpcFailure(400, "MEDIA_EMPTY");
  refuseExternal(media);
  if (media._ === "inputMediaPoll") return createPollMedia(media, accountId);
  if (media._ === "inputMediaInvoice") {
    return createInvoiceMedia(state, accountId, media);
  }
  const resolved = resolveFileMedia(state, accountId, media) ??
    resolvePlaceMedia(state, media);
  if (!resolved) throw new RpcFailure(400, "MEDIA_INVALID");
  return resolved;
}

/** `messages.uploadMedia`: only files can be uploaded ahead of sending. */
export function resolveUploadedMedia(
  state: WorldState,
  accountId: number,
  media: tl.TypeInputMedia,
): tl.TypeMessageMedia {
  refuseExternal(media);
  const resolved = resolveFileMedia(state, accountId, media);
  if (!resolved) throw new RpcFailure(400, "MEDIA_INVALID");
  return resolved;
}

/** One item of `messages.sendMultiMedia`: uploaded files are `MEDIA_INVALID`, as on Telegram. */
export function resolveAlbumMedia(
  state: WorldState,
  accountId: number,
  media: tl.TypeInputMedia,
): tl.TypeMessageMedia {
  if (!ALBUM_MEDIA.has(media._)) throw new RpcFailure(400, "MEDIA_INVALID");
  refuseExternal(media);
  return resolveFileMedia(state, accountId, media)!;
}
