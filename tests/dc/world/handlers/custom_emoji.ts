/** `messages.getCustomEmojiDocuments`: custom emoji by id (a custom emoji's id is its document's). */
import { type HandlerTable, loggedIn } from "./types.ts";

/** Handlers of custom emoji. */
export const customEmojiHandlers: HandlerTable = {
  // like Telegram, ids that name no custom emoji are left out
  "messages.getCustomEmojiDocuments": loggedIn((ctx, params) =>
    params.documentId.flatMap((id) => {
      const stored = ctx.state.files.byId(id);
      const isEmoji = stored?.kind === "document" &&
        stored.tl.attributes.some((attribute) =>
          attribute._ === "documentAttributeCustomEmoji"
        );
      return isEmoji && stored.kind === "document" ? [stored.tl] : [];
    })
  ),
};
