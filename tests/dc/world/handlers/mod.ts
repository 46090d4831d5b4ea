/** Every API method the world answers, by name. */
import { authHandlers } from "./auth.ts";
import { botQueriesHandlers } from "./bot_queries.ts";
import { botsHandlers } from "./bots.ts";
import { channelsHandlers } from "./channels.ts";
import { chatsHandlers } from "./chats.ts";
import { contactsHandlers } from "./contacts.ts";
import { helpHandlers } from "./help.ts";
import { historyHandlers } from "./history.ts";
import { mediaHandlers } from "./media.ts";
import { messagesHandlers } from "./messages.ts";
import { pinsHandlers } from "./pins.ts";
import { reactionsHandlers } from "./reactions.ts";
import { stickersHandlers } from "./stickers.ts";
import type { HandlerTable } from "./types.ts";
import { typingHandlers } from "./typing.ts";
import { updatesHandlers } from "./updates.ts";
import { uploadHandlers } from "./upload.ts";
import { usersHandlers } from "./users.ts";

/** The registry the world dispatches on. */
export const HANDLERS: HandlerTable = {
  ...helpHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...contactsHandlers,
  ...updatesHandlers,
  ...messagesHandlers,
  ...historyHandlers,
  ...chatsHandlers,
  ...channelsHandlers,
  ...botsHandlers,
  ...uploadHandlers,
  ...botQueriesHandlers,
  ...mediaHandlers,
  ...pinsHandlers,
  ...reactionsHandlers,
  ...stickersHandlers,
  ...typingHandlers,
};
