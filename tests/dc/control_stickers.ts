/** The control API's view of sticker sets, saved GIFs and drafts, as the world holds them. */
import { json, queryId, type Route } from "./control_http.ts";
import { RpcFailure } from "./contract.ts";
import { draftsOfAccount } from "./world/drafts.ts";
import { savedGifIds } from "./world/saved_gifs.ts";
import { stickerSetsOf } from "./world/sticker_sets.ts";
import type { World } from "./world/world.ts";

/** A sticker set as the control API shows it. */
export interface ControlStickerSet {
  /** The set id, a decimal long. */
  id: string;
  title: string;
  shortName: string;
  ownerId: number;
  creatorId: number;
  type: "regular" | "mask" | "customEmoji";
  /** The set's stickers in order: their document ids (decimal longs) and emoji. */
  stickers: { documentId: string; emoji: string[] }[];
}

/** The sticker views of the control API. */
export interface StickerControl {
  /** The set called `shortName` (any case), if there is one. */
  stickerSet(shortName: string): ControlStickerSet | undefined;
  /** The document ids (decimal longs) of the GIFs `user` saved, newest first. */
  savedGifs(user: number): string[];
  /** The drafts `user` keeps: each chat's key (a user id or marked chat id) and text. */
  drafts(user: number): ControlDraft[];
}

/** A draft as the control API shows it. */
export interface ControlDraft {
  chat: number;
  message: string;
  /** The message it replies to, if any. */
  replyToMessageId?: number;
  noWebpage: boolean;
}

/** The sticker control of `world`. */
export function createStickerControl(world: World): StickerControl {
  return {
    stickerSet(shortName) {
      let set;
      try {
        set = stickerSetsOf(world.state).find({
          _: "inputStickerSetShortName",
          shortName,
        });
      } catch (error) {
        if (error instanceof RpcFailure) return undefined;
        throw error;
      }
      return {
        id: set.id.toString(),
        title: set.title,
        shortName: set.shortName,
        ownerId: set.ownerId,
        creatorId: set.creatorId,
        type: set.emojis ? "customEmoji" : set.masks ? "mask" : "regular",
        stickers: set.stickers.map(({ document, emoji }) => ({
          documentId: document.id.toString(),
          emoji,
        })),
      };
    },
    savedGifs(user) {
      world.state.accounts.require(user);
      return savedGifIds(world.state, user).map((id) => id.toString());
    },
    drafts(user) {
      world.state.accounts.require(user);
      return draftsOfAccount(world.state, user).map(([chat, draft]) => ({
        chat,
        message: draft.message,
        replyToMessageId: draft.replyTo?._ === "inputReplyToMessage"
          ? draft.replyTo.replyToMsgId
          : undefined,
        noWebpage: draft.noWebpage ?? false,
      }));
    },
  };
}

/** The sticker routes of the control API. */
export function stickerRoutes(control: StickerControl): Record<string, Route> {
  return {
    "GET /sticker-sets/:shortName": (_req, _url, params) => {
      const set = control.stickerSet(params.shortName);
      return set ? json(set) : json({ error: "no such sticker set" }, 404);
    },
    "GET /saved-gifs": (_req, url) =>
      json(control.savedGifs(queryId(url, "user"))),
    "GET /drafts": (_req, url) => json(control.drafts(queryId(url, "user"))),
  };
}
