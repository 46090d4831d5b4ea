/** Every API method the world answers, by name. */
import { authHandlers } from "./auth.ts";
import { botQueriesHandlers } from "./bot_queries.ts";
import { botsHandlers } from "./bots.ts";
import { channelsHandlers } from "./channels.ts";
import { chatSettingsHandlers } from "./chat_settings.ts";
import { chatSettingsExtraHandlers } from "./chat_settings_extra.ts";
import { chatsHandlers } from "./chats.ts";
import { contactsHandlers } from "./contacts.ts";
import { contactsBookHandlers } from "./contacts_book.ts";
import { customEmojiHandlers } from "./custom_emoji.ts";
import { dialogsHandlers } from "./dialogs.ts";
import { draftsHandlers } from "./drafts.ts";
import { forumHandlers } from "./forum.ts";
import { helpHandlers } from "./help.ts";
import { historyHandlers } from "./history.ts";
import { invitesHandlers } from "./invites.ts";
import { mediaHandlers } from "./media.ts";
import { membersHandlers } from "./members.ts";
import { messagesHandlers } from "./messages.ts";
import { paymentsHandlers } from "./payments.ts";
import { phoneHandlers } from "./phone.ts";
import { pinsHandlers } from "./pins.ts";
import { pollsHandlers } from "./polls.ts";
import { profileHandlers } from "./profile.ts";
import { profileExtraHandlers } from "./profile_extra.ts";
import { notifySettingsHandlers } from "./notify_settings.ts";
import { profileUsernameHandlers } from "./profile_usernames.ts";
import { reactionsHandlers } from "./reactions.ts";
import { readMarksHandlers } from "./read_marks.ts";
import { savedHandlers } from "./saved.ts";
import { savedGifsHandlers } from "./saved_gifs.ts";
import { scheduledHandlers } from "./scheduled.ts";
import { stickersHandlers } from "./stickers.ts";
import { storiesHandlers } from "./stories.ts";
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
  ...contactsBookHandlers,
  ...profileHandlers,
  ...profileExtraHandlers,
  ...notifySettingsHandlers,
  ...profileUsernameHandlers,
  ...updatesHandlers,
  ...messagesHandlers,
  ...historyHandlers,
  ...chatsHandlers,
  ...channelsHandlers,
  ...membersHandlers,
  ...botsHandlers,
  ...uploadHandlers,
  ...botQueriesHandlers,
  ...mediaHandlers,
  ...pinsHandlers,
  ...pollsHandlers,
  ...reactionsHandlers,
  ...stickersHandlers,
  ...typingHandlers,
  ...paymentsHandlers,
  ...scheduledHandlers,
  ...readMarksHandlers,
  ...savedHandlers,
  ...savedGifsHandlers,
  ...chatSettingsHandlers,
  ...chatSettingsExtraHandlers,
  ...dialogsHandlers,
  ...draftsHandlers,
  ...customEmojiHandlers,
  ...forumHandlers,
  ...storiesHandlers,
  ...phoneHandlers,
  ...invitesHandlers,
};
