/**
 * Sticker sets (core.telegram.org/api/stickers): made with
 * `stickers.createStickerSet` from documents already on the server, read
 * with `messages.getStickerSet`. Each sticker of a set is a new document
 * whose `documentAttributeSticker` (`documentAttributeCustomEmoji` in emoji
 * sets) references the set by `inputStickerSetID`; a message that sends it
 * by its `inputDocument` carries that attribute, as on Telegram. A set's id
 * and access hash are the same for every viewer.
 */
import type { Long, tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Account } from "./accounts.ts";
import { now } from "./emit.ts";
import { randomLong } from "./files.ts";
import { imageSize } from "./image_size.ts";
import type { WorldState } from "./state.ts";

/** A sticker of a set: its document and what it was filed under. */
interface SetSticker {
  document: tl.RawDocument;
  emoji: string[];
  keywords: string[];
}

/** A stored sticker set. */
export interface StoredStickerSet {
  id: Long;
  accessHash: Long;
  title: string;
  shortName: string;
  ownerId: number;
  /** Who made it: the owner, or the bot that made it for them. */
  creatorId: number;
  masks: boolean;
  emojis: boolean;
  textColor: boolean;
  stickers: SetSticker[];
}

/** What `stickers.createStickerSet` takes, with the caller and the owner resolved. */
export interface NewStickerSet {
  creator: Account;
  owner: Account;
  request: tl.stickers.RawCreateStickerSetRequest;
}

const MAX_TITLE = 64;
const MAX_SHORT_NAME = 64;
/** Telegram's limits: 120 stickers in a sticker or mask set, 200 in an emoji set. */
export const MAX_STICKERS = 120;
export const MAX_EMOJI_STICKERS = 200;
/** Emoji per sticker, as the Bot API allows. */
const MAX_EMOJI = 20;
/** A static sticker fits 512×512 with one side exactly 512; a custom emoji is 100×100. */
const STICKER_SIDE = 512;
const EMOJI_SIDE = 100;
/** Telegram's size for animated (TGS) stickers, which the emulator cannot read. */
const ANIMATED_SIDE = 512;

const STATIC_TYPES = new Set(["image/png", "image/webp"]);
const STICKER_TYPES = new Set([
  ...STATIC_TYPES,
  "application/x-tgsticker",
  "video/webm",
]);
/** Attributes a set's sticker gets anew from the set. */
const SET_ATTRIBUTES = new Set<tl.TypeDocumentAttribute["_"]>([
  "documentAttributeSticker",
  "documentAttributeCustomEmoji",
  "documentAttributeImageSize",
]);

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Whether a grapheme is an emoji: a pictograph, a flag (regional indicators) or a keycap. */
function isEmoji(grapheme: string): boolean {
  return /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(
    grapheme,
  );
}

/** The emoji of an `inputStickerSetItem` (1–20, nothing else), or `STICKER_EMOJI_INVALID`. */
function emojiOf(text: string): string[] {
  const graphemes = [...segmenter.segment(text)].map(({ segment }) => segment);
  if (
    graphemes.length === 0 || graphemes.length > MAX_EMOJI ||
    !graphemes.every(isEmoji)
  ) {
    throw new RpcFailure(400, "STICKER_EMOJI_INVALID");
  }
  return graphemes;
}

/** A short name as Telegram's docs require: letters, digits and single underscores, from a letter; a bot's end in `_by_<its username>`. */
function checkShortName(shortName: string, creator: Account): void {
  const wellFormed = shortName.length <= MAX_SHORT_NAME &&
    /^[A-Za-z][A-Za-z0-9_]*$/.test(shortName) && !shortName.includes("__");
  const suffix = `_by_${creator.username ?? ""}`.toLowerCase();
  if (
    !wellFormed ||
    (creator.kind === "bot" && !shortName.toLowerCase().endsWith(suffix))
  ) {
    throw new RpcFailure(400, "PACK_SHORT_NAME_INVALID");
  }
}

/** A set's title: 1–64 characters, not only spaces (`PACK_TITLE_INVALID`). */
export function checkTitle(title: string): void {
  if (!title.trim() || title.length > MAX_TITLE) {
    throw new RpcFailure(400, "PACK_TITLE_INVALID");
  }
}

/** A 32-bit hash of the set's contents, as `messages.getStickerSet`'s `hash` compares it. */
function contentHash(stickers: readonly SetSticker[]): number {
  let hash = 0;
  for (const { document } of stickers) {
    for (const half of [document.id.high, document.id.low]) {
      hash = (Math.imul(hash, 20261) + half) | 0;
    }
  }
  return hash;
}

/** The attributes a stored file gets as a sticker of `set`: its size, and the attribute naming the set. */
function stickerAttributes(
  source: tl.RawDocument,
  bytes: Uint8Array,
  set: StoredStickerSet,
  item: tl.RawInputStickerSetItem,
  alt: string,
): tl.TypeDocumentAttribute[] {
  const stickerset: tl.RawInputStickerSetID = {
    _: "inputStickerSetID",
    id: set.id,
    accessHash: set.accessHash,
  };
  const kept = source.attributes.filter((a) => !SET_ATTRIBUTES.has(a._));
  const size = STATIC_TYPES.has(source.mimeType)
    ? imageSize(bytes)
    : source.mimeType === "application/x-tgsticker"
    ? { w: ANIMATED_SIDE, h: ANIMATED_SIDE }
    : undefined;
  return [
    ...(size ? [{ _: "documentAttributeImageSize" as const, ...size }] : []),
    ...kept,
    set.emojis
      ? {
        _: "documentAttributeCustomEmoji",
        alt,
        stickerset,
        textColor: set.textColor || undefined,
      }
      : {
        _: "documentAttributeSticker",
        alt,
        stickerset,
        mask: set.masks || undefined,
        maskCoords: set.masks ? item.maskCoords : undefined,
      },
  ];
}

/** Checks a sticker's file as Telegram does: a sticker format, and a static one's dimensions. */
function checkStickerFile(
  mimeType: string,
  bytes: Uint8Array,
  emojis: boolean,
): void {
  if (!STICKER_TYPES.has(mimeType)) {
    throw new RpcFailure(400, "STICKER_FILE_INVALID");
  }
  if (!STATIC_TYPES.has(mimeType)) return;
  const { w, h } = imageSize(bytes);
  if (w === 0 || h === 0) throw new RpcFailure(400, "STICKER_PNG_NOPNG");
  const fits = emojis
    ? w === EMOJI_SIDE && h === EMOJI_SIDE
    : Math.max(w, h) === STICKER_SIDE;
  if (!fits) throw new RpcFailure(400, "STICKER_PNG_DIMENSIONS");
}

/** The sticker sets of one world state. */
export class StickerSets {
  readonly #byId = new Map<string, StoredStickerSet>();
  readonly #byShortName = new Map<string, StoredStickerSet>();

  constructor(readonly state: WorldState) {}

  /** `stickers.createStickerSet`: checks the request as Telegram does and stores each sticker as a new document of the set. */
  create({ creator, owner, request }: NewStickerSet): StoredStickerSet {
    checkTitle(request.title);
    if (request.masks && request.emojis) {
      throw new RpcFailure(400, "PACK_TYPE_INVALID");
    }
    checkShortName(request.shortName, creator);
    if (this.#byShortName.has(request.shortName.toLowerCase())) {
      throw new RpcFailure(400, "PACK_SHORT_NAME_OCCUPIED");
    }
    if (request.stickers.length === 0) {
      throw new RpcFailure(400, "STICKERS_EMPTY");
    }
    const limit = request.emojis ? MAX_EMOJI_STICKERS : MAX_STICKERS;
    if (request.stickers.length > limit) {
      throw new RpcFailure(400, "STICKERS_TOO_MUCH");
    }
    // The thumbnail must be a document on the server; sets keep none here (see the README).
    if (request.thumb) this.#sourceOf(request.thumb);
    const set: StoredStickerSet = {
      id: randomLong(),
      accessHash: randomLong(),
      title: request.title,
      shortName: request.shortName,
      ownerId: owner.id,
      creatorId: creator.id,
      masks: request.masks ?? false,
      emojis: request.emojis ?? false,
      textColor: request.emojis && request.textColor ? true : false,
      stickers: [],
    };
    // Checked in full before anything is stored, so a refused request leaves no documents behind.
    const checked = request.stickers.map((item) => this.checkItem(set, item));
    for (const item of checked) set.stickers.push(this.storeItem(set, item));
    this.#byId.set(set.id.toString(), set);
    this.#byShortName.set(set.shortName.toLowerCase(), set);
    return set;
  }

  /** Checks an `inputStickerSetItem` for `set` (its file and emoji) without storing anything. */
  checkItem(set: StoredStickerSet, item: tl.RawInputStickerSetItem) {
    const source = this.#sourceOf(item.document);
    checkStickerFile(source.mimeType, source.bytes, set.emojis);
    return { item, source, emoji: emojiOf(item.emoji) };
  }

  /** Stores a checked item as a new document of `set`; the caller places it in the set. */
  storeItem(
    set: StoredStickerSet,
    { item, source, emoji }: ReturnType<StickerSets["checkItem"]>,
  ): SetSticker {
    const stored = this.state.files.addDocument({
      bytes: source.bytes,
      mimeType: source.mimeType,
      attributes: stickerAttributes(
        source.tl,
        source.bytes,
        set,
        item,
        emoji[0],
      ),
      date: now(),
      thumb: source.thumb,
    });
    return {
      document: stored.tl,
      emoji,
      keywords: (item.keywords ?? "").split(",").map((word) => word.trim())
        .filter(Boolean),
    };
  }

  /** The set holding the sticker document `id`, if one does. */
  holding(id: Long): StoredStickerSet | undefined {
    return [...this.#byId.values()].find((set) =>
      set.stickers.some(({ document }) => document.id.eq(id))
    );
  }

  /** Forgets `set`: its short name and id name nothing afterwards. */
  delete(set: StoredStickerSet): void {
    this.#byId.delete(set.id.toString());
    this.#byShortName.delete(set.shortName.toLowerCase());
  }

  /** The set an `InputStickerSet` names: by id and access hash, or by short name (any case); `STICKERSET_INVALID` otherwise. */
  find(input: tl.TypeInputStickerSet): StoredStickerSet {
    const set = input._ === "inputStickerSetID"
      ? this.#byId.get(input.id.toString())
      : input._ === "inputStickerSetShortName"
      ? this.#byShortName.get(input.shortName.toLowerCase())
      : undefined;
    if (
      !set ||
      (input._ === "inputStickerSetID" && !set.accessHash.eq(input.accessHash))
    ) {
      throw new RpcFailure(400, "STICKERSET_INVALID");
    }
    return set;
  }

  /** The `stickerSet` as `viewerId` sees it (`creator` for its owner). */
  toTl(set: StoredStickerSet, viewerId: number): tl.RawStickerSet {
    return {
      _: "stickerSet",
      masks: set.masks || undefined,
      emojis: set.emojis || undefined,
      textColor: set.textColor || undefined,
      creator: set.ownerId === viewerId || undefined,
      id: set.id,
      accessHash: set.accessHash,
      title: set.title,
      shortName: set.shortName,
      count: set.stickers.length,
      hash: contentHash(set.stickers),
    };
  }

  /** `messages.stickerSet`: the set, its stickers grouped by emoji (in order), their keywords and documents. */
  toMessagesTl(
    set: StoredStickerSet,
    viewerId: number,
  ): tl.messages.RawStickerSet {
    const packs = new Map<string, Long[]>();
    for (const { document, emoji } of set.stickers) {
      for (const emoticon of emoji) {
        packs.set(emoticon, [...packs.get(emoticon) ?? [], document.id]);
      }
    }
    return {
      _: "messages.stickerSet",
      set: this.toTl(set, viewerId),
      packs: [...packs].map(([emoticon, documents]) => ({
        _: "stickerPack",
        emoticon,
        documents,
      })),
      keywords: set.stickers.filter(({ keywords }) => keywords.length).map((
        { document, keywords },
      ) => ({
        _: "stickerKeyword",
        documentId: document.id,
        keyword: keywords,
      })),
      documents: set.stickers.map(({ document }) => document),
    };
  }

  /** The stored document an item names (`DOCUMENT_INVALID`, a stale reference `FILE_REFERENCE_EXPIRED`). */
  #sourceOf(document: tl.TypeInputDocument) {
    if (document._ !== "inputDocument") {
      throw new RpcFailure(400, "STICKER_FILE_INVALID");
    }
    return this.state.files.find("document", document);
  }
}

/** Sets live beside the world state they belong to, so a reset (a new state) starts without any. */
const setsByState = new WeakMap<WorldState, StickerSets>();

/** The sticker sets of `state`. */
export function stickerSetsOf(state: WorldState): StickerSets {
  let sets = setsByState.get(state);
  if (!sets) setsByState.set(state, sets = new StickerSets(state));
  return sets;
}
