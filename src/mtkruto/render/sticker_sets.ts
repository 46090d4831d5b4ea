/**
 * Short names of the sticker sets that messages' stickers reference by id
 * (Sticker `setName`, types.md §8). The TL carries only the set's id and
 * access hash; MTKruto looks the set up with `messages.getStickerSet` and
 * caches the name, and so do we: per client, in a bounded LRU, shared by
 * concurrent renders (a set's short name never changes, so nothing expires).
 * A lookup that fails (STICKERSET_INVALID for a deleted set, the network)
 * leaves the name out and is tried again by the next render that needs it.
 */
import { LruMap } from "@fuman/utils";
import type { tl } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import {
  referencedStickerSet,
  type StickerSetNames,
} from "../types/sticker.ts";

/** How many set names one client keeps: a few hundred sets cover what a chat sends. */
export const CACHED_STICKER_SETS = 500;

const keyOf = (stickerSet: tl.RawInputStickerSetID) =>
  `${stickerSet.id}:${stickerSet.accessHash}`;

/** The document of a document medium, if it has one. */
function documentOf(
  media: tl.TypeMessageMedia | undefined,
): tl.RawDocument | undefined {
  return media?._ === "messageMediaDocument" &&
      media.document?._ === "document"
    ? media.document
    : undefined;
}

/** Every medium a poll shows: its own, its options', its explanation's. */
function pollMedia(
  media: tl.RawMessageMediaPoll,
): (tl.TypeMessageMedia | undefined)[] {
  return [
    media.attachedMedia,
    ...media.poll.answers.map((answer) =>
      answer._ === "pollAnswer" ? answer.media : undefined
    ),
    media.results.solutionMedia,
  ];
}

/** The sets that the stickers `raw` carries (its medium, or its poll's media) reference by id. */
export function stickerSetsOf(
  raw: tl.TypeMessage,
): tl.RawInputStickerSetID[] {
  if (raw._ !== "message" || !raw.media) return [];
  const media = raw.media._ === "messageMediaPoll"
    ? pollMedia(raw.media)
    : [raw.media];
  return media.flatMap((medium) => {
    const document = documentOf(medium);
    const stickerSet = document && referencedStickerSet(document);
    return stickerSet ? [stickerSet] : [];
  });
}

/** One client's known set names and the lookups under way (so concurrent renders ask once). */
class StickerSetNameCache {
  readonly #names = new LruMap<string, string>(CACHED_STICKER_SETS);
  readonly #pending = new Map<string, Promise<string | undefined>>();

  constructor(readonly client: TelegramClient) {}

  /** The set's short name, from the cache or Telegram; undefined when Telegram did not give it. */
  lookUp(stickerSet: tl.RawInputStickerSetID): Promise<string | undefined> {
    const key = keyOf(stickerSet);
    const known = this.#names.get(key);
    if (known !== undefined) return Promise.resolve(known);
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#fetch(stickerSet, key).finally(() =>
        this.#pending.delete(key)
      );
      this.#pending.set(key, pending);
    }
    return pending;
  }

  async #fetch(
    stickerSet: tl.RawInputStickerSetID,
    key: string,
  ): Promise<string | undefined> {
    let found: tl.messages.TypeStickerSet;
    try {
      found = await this.client.call({
        _: "messages.getStickerSet",
        stickerset: stickerSet,
        hash: 0,
      });
    } catch {
      // MTKruto renders the sticker without `setName` when the lookup fails; so do we.
      return undefined;
    }
    // Hash 0 always gets the set; "not modified" would have no name to give.
    if (found._ !== "messages.stickerSet") return undefined;
    this.#names.set(key, found.set.shortName);
    return found.set.shortName;
  }
}

const caches = new WeakMap<TelegramClient, StickerSetNameCache>();

function cacheOf(client: TelegramClient): StickerSetNameCache {
  let cache = caches.get(client);
  if (!cache) caches.set(client, cache = new StickerSetNameCache(client));
  return cache;
}

/** Resolves the names of the sets the stickers of `messages` reference; a set whose lookup failed is not named. */
export async function resolveStickerSetNames(
  client: TelegramClient,
  messages: readonly tl.TypeMessage[],
): Promise<StickerSetNames> {
  const stickerSets = messages.flatMap(stickerSetsOf);
  const names = new Map<string, string>();
  await Promise.all(stickerSets.map(async (stickerSet) => {
    const name = await cacheOf(client).lookUp(stickerSet);
    if (name !== undefined) names.set(keyOf(stickerSet), name);
  }));
  return (stickerSet) => names.get(keyOf(stickerSet));
}
