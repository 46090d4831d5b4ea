/** Every method of MTKruto's dialect, by area: the one table the worker, `methods` and the docs read. */
import type { DialectMethod } from "./define.ts";
import { signatureOf } from "./define.ts";
import { ACCOUNT_METHODS } from "./account.ts";
import { SEND_METHODS } from "./send.ts";
import { EDIT_METHODS } from "./edit.ts";
import { READ_METHODS } from "./read.ts";
import { MANAGE_METHODS } from "./manage.ts";
import { QUERY_METHODS } from "./queries.ts";
import { MEMBER_METHODS } from "./members.ts";
import { BOT_INFO_METHODS } from "./bot_info.ts";
import { PAYMENT_METHODS } from "./payments.ts";
import { CHAT_METHODS } from "./chats.ts";
import { CHAT_ADMIN_METHODS } from "./chat_admin.ts";
import { CHAT_CREATION_METHODS } from "./chat_creation.ts";
import { CHAT_SETTINGS_METHODS } from "./chat_settings.ts";
import { REACTION_METHODS } from "./reactions.ts";
import { PROFILE_METHODS } from "./profile.ts";
import { PROFILE_EXTRA_METHODS } from "./profile_extra.ts";
import { NOTIFICATION_SETTINGS_METHODS } from "./notification_settings.ts";
import { CONTACT_METHODS } from "./contacts.ts";
import { TOPIC_METHODS } from "./topics.ts";
import { MESSAGES_EXTRA_METHODS } from "./messages_extra.ts";
import { SCHEDULED_METHODS } from "./scheduled.ts";
import { INVITE_METHODS } from "./invites.ts";
import { STORY_METHODS } from "./stories.ts";
import { VIDEO_CHAT_METHODS } from "./video_chats.ts";
import { STICKER_METHODS } from "./stickers.ts";
import { SAVED_ANIMATION_METHODS } from "./saved_animations.ts";
import { DRAFT_METHODS } from "./drafts.ts";
import { POLL_METHODS } from "./polls.ts";

/** The dialect's methods by area, in documentation order. */
export const DIALECT_AREAS: Record<string, readonly DialectMethod[]> = {
  account: ACCOUNT_METHODS,
  sending: SEND_METHODS,
  editing: EDIT_METHODS,
  reading: READ_METHODS,
  managing: MANAGE_METHODS,
  queries: QUERY_METHODS,
  botInfo: BOT_INFO_METHODS,
  payments: PAYMENT_METHODS,
  chats: [
    ...CHAT_METHODS,
    ...CHAT_CREATION_METHODS,
    ...CHAT_ADMIN_METHODS,
    ...CHAT_SETTINGS_METHODS,
  ],
  reactions: REACTION_METHODS,
  profile: [
    ...PROFILE_METHODS,
    ...PROFILE_EXTRA_METHODS,
    ...NOTIFICATION_SETTINGS_METHODS,
  ],
  contacts: CONTACT_METHODS,
  members: MEMBER_METHODS,
  topics: TOPIC_METHODS,
  messages: [...MESSAGES_EXTRA_METHODS, ...SCHEDULED_METHODS],
  invites: INVITE_METHODS,
  stories: STORY_METHODS,
  videoChats: VIDEO_CHAT_METHODS,
  stickers: [
    ...STICKER_METHODS,
    ...SAVED_ANIMATION_METHODS,
    ...DRAFT_METHODS,
  ],
  polls: POLL_METHODS,
};

const BY_NAME = new Map<string, DialectMethod>(
  Object.values(DIALECT_AREAS).flat().map((method) => [method.name, method]),
);

/** The dialect method called `name` (own names only), or undefined. */
export function dialectMethod(name: string): DialectMethod | undefined {
  return BY_NAME.get(name);
}

/** What `methods` lists for the dialect: each area's signatures, with the accounts they serve. */
export function dialectMethodList(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(DIALECT_AREAS).map(([area, methods]) => [
      area,
      methods.map((method) =>
        method.account === "both"
          ? signatureOf(method)
          : `${signatureOf(method)} [${method.account}s only]`
      ),
    ]),
  );
}
