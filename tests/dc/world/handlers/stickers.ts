/** Sticker set methods: creating, reading and editing sets (see `sticker_sets.ts`, `sticker_set_edits.ts`). */
import { RpcFailure } from "../../contract.ts";
import { resolveUser } from "../peers.ts";
import {
  addSticker,
  deleteSet,
  moveSticker,
  removeSticker,
  renameSet,
} from "../sticker_set_edits.ts";
import { stickerSetsOf } from "../sticker_sets.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

/** Handlers of sticker set methods. */
export const stickersHandlers: HandlerTable = {
  "stickers.createStickerSet": loggedIn((ctx, params) => {
    const { state, self } = ctx;
    const owner = state.accounts.get(
      resolveUser(state, self.id, params.userId),
    );
    // A set belongs to a user: bots create sets for users, users for themselves.
    if (
      owner?.kind !== "user" || (self.kind === "user" && owner.id !== self.id)
    ) {
      throw new RpcFailure(400, "USER_ID_INVALID");
    }
    const sets = stickerSetsOf(state);
    const set = sets.create({ creator: self, owner, request: params });
    return sets.toMessagesTl(set, self.id);
  }),
  "messages.getStickerSet": loggedIn((ctx, params) => {
    const sets = stickerSetsOf(ctx.state);
    const set = sets.find(params.stickerset);
    // A client that holds this version of the set passes its hash (0 asks for it anyway).
    if (params.hash !== 0 && params.hash === sets.toTl(set, ctx.self.id).hash) {
      return { _: "messages.stickerSetNotModified" };
    }
    return sets.toMessagesTl(set, ctx.self.id);
  }),
  "stickers.addStickerToSet": loggedIn(({ state, self }, params) => {
    const sets = stickerSetsOf(state);
    return sets.toMessagesTl(addSticker(sets, self, params), self.id);
  }),
  "stickers.removeStickerFromSet": loggedIn(({ state, self }, params) => {
    const sets = stickerSetsOf(state);
    return sets.toMessagesTl(
      removeSticker(sets, self, params.sticker),
      self.id,
    );
  }),
  "stickers.changeStickerPosition": loggedIn(({ state, self }, params) => {
    const sets = stickerSetsOf(state);
    const set = moveSticker(sets, self, params.sticker, params.position);
    return sets.toMessagesTl(set, self.id);
  }),
  "stickers.renameStickerSet": loggedIn(({ state, self }, params) => {
    const sets = stickerSetsOf(state);
    const set = renameSet(sets, self, params.stickerset, params.title);
    return sets.toMessagesTl(set, self.id);
  }),
  "stickers.deleteStickerSet": loggedIn(({ state, self }, params) => {
    deleteSet(stickerSetsOf(state), self, params.stickerset);
    return true;
  }),
};
