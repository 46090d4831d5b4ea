/** `messages.saveGif` and `messages.getSavedGifs`: a user's saved animations (see `saved_gifs.ts`). */
import { getSavedGifs, saveGif } from "../saved_gifs.ts";
import { type HandlerTable, usersOnly } from "./types.ts";

/** Handlers of the saved GIF methods (users only: bots have no saved GIFs). */
export const savedGifsHandlers: HandlerTable = {
  "messages.saveGif": usersOnly((ctx, params) => {
    saveGif(ctx, ctx.self.id, params);
    return true;
  }),
  "messages.getSavedGifs": usersOnly((ctx, params) =>
    getSavedGifs(ctx.state, ctx.self.id, params.hash)
  ),
};
