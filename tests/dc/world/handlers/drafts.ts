/** `messages.saveDraft` and `messages.clearAllDrafts`: a user's message drafts (see `drafts.ts`). */
import { clearAllDrafts, saveDraft } from "../drafts.ts";
import { type HandlerTable, usersOnly } from "./types.ts";

/** Handlers of the draft methods (users only: bots keep no drafts). */
export const draftsHandlers: HandlerTable = {
  "messages.saveDraft": usersOnly((ctx, params) => {
    saveDraft(ctx, ctx.self.id, params);
    return true;
  }),
  "messages.clearAllDrafts": usersOnly((ctx) => {
    clearAllDrafts(ctx, ctx.self.id);
    return true;
  }),
};
