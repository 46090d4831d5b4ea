/**
 * Saved GIFs (core.telegram.org/method/messages.saveGif): each user's list of
 * animations, newest first, at most `saved_gifs_limit` (200) of them; the
 * oldest goes when the list is full. A change reaches the account's other
 * sessions as `updateSavedGifs`, for them to fetch the list again.
 */
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { DeliveryContext } from "./delivery.ts";
import { now } from "./emit.ts";
import type { WorldState } from "./state.ts";

/** Telegram's `saved_gifs_limit` for accounts without Premium. */
export const SAVED_GIFS_LIMIT = 200;

/** Document ids of each account's saved GIFs, newest first; kept beside the state they belong to. */
const savedByState = new WeakMap<WorldState, Map<number, Long[]>>();

function listsOf(state: WorldState): Map<number, Long[]> {
  let lists = savedByState.get(state);
  if (!lists) savedByState.set(state, lists = new Map());
  return lists;
}

/** The document ids `accountId` has saved, newest first. */
export function savedGifIds(state: WorldState, accountId: number): Long[] {
  return listsOf(state).get(accountId) ?? [];
}

/** The stored animation `input` names (`GIF_ID_INVALID` for anything else; a stale reference `FILE_REFERENCE_EXPIRED`). */
function animationOf(
  state: WorldState,
  input: tl.TypeInputDocument,
): tl.RawDocument {
  if (input._ !== "inputDocument") throw new RpcFailure(400, "GIF_ID_INVALID");
  let document: tl.RawDocument;
  try {
    document = state.files.find("document", input).tl;
  } catch (error) {
    if (error instanceof RpcFailure && error.text === "DOCUMENT_INVALID") {
      throw new RpcFailure(400, "GIF_ID_INVALID");
    }
    throw error;
  }
  if (!document.attributes.some((a) => a._ === "documentAttributeAnimated")) {
    throw new RpcFailure(400, "GIF_ID_INVALID");
  }
  return document;
}

/** `messages.saveGif`: saves the animation first in the list (`unsave` takes it out); tells the other sessions. */
export function saveGif(
  ctx: DeliveryContext,
  accountId: number,
  request: tl.messages.RawSaveGifRequest,
): void {
  const { id } = animationOf(ctx.state, request.id);
  const others = savedGifIds(ctx.state, accountId).filter((saved) =>
    !saved.eq(id)
  );
  const list = request.unsave
    ? others
    : [id, ...others].slice(0, SAVED_GIFS_LIMIT);
  listsOf(ctx.state).set(accountId, list);
  ctx.sessions.push(accountId, {
    _: "updateShort",
    update: { _: "updateSavedGifs" },
    date: now(),
  }, ctx.caller);
}

/** Telegram's hash of a list of ids (core.telegram.org/api/offsets#hash-generation). */
function listHash(ids: readonly Long[]): Long {
  let hash = 0n;
  const mask = (1n << 64n) - 1n;
  for (const id of ids) {
    hash ^= hash >> 21n;
    hash ^= (hash << 35n) & mask;
    hash ^= hash >> 4n;
    hash = (hash + BigInt(id.toUnsigned().toString())) & mask;
  }
  return Long.fromString(hash.toString(), true).toSigned();
}

/** `messages.getSavedGifs`: the account's saved animations, or `savedGifsNotModified` for the hash it holds. */
export function getSavedGifs(
  state: WorldState,
  accountId: number,
  hash: Long,
): tl.messages.TypeSavedGifs {
  const ids = savedGifIds(state, accountId);
  const current = listHash(ids);
  if (!hash.isZero() && hash.eq(current)) {
    return { _: "messages.savedGifsNotModified" };
  }
  return {
    _: "messages.savedGifs",
    hash: current,
    gifs: ids.flatMap((id) => {
      const file = state.files.byId(id);
      return file?.kind === "document" ? [file.tl] : [];
    }),
  };
}
