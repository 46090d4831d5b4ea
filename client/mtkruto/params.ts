/**
 * The parameters of MTKruto's methods as the gateway takes them: the
 * positional inputs (chats, files, media, poll options, callback questions,
 * inline results) and each method's trailing params object, with exactly
 * the keys the server's readers accept (src/mtkruto/params/,
 * src/mtkruto/methods/). Where MTKruto 0.216.0 has keys the gateway does not
 * take, the interface's JSDoc says so; such keys are refused or ignored by
 * the server. Result types come from ./types.ts. The declarations live in
 * ./params/, by topic; this module gathers them for the generated
 * ./methods.ts.
 *
 * @module
 */
export type * from "./params/bot_info.ts";
export type * from "./params/chat_settings.ts";
export type * from "./params/chats.ts";
export type * from "./params/common.ts";
export type * from "./params/contacts.ts";
export type * from "./params/edits.ts";
export type * from "./params/inline_content.ts";
export type * from "./params/inline_results.ts";
export type * from "./params/invites.ts";
export type * from "./params/keyboards.ts";
export type * from "./params/media.ts";
export type * from "./params/members.ts";
export type * from "./params/messages.ts";
export type * from "./params/messages_extra.ts";
export type * from "./params/payments.ts";
export type * from "./params/polls.ts";
export type * from "./params/polls_extra.ts";
export type * from "./params/profile.ts";
export type * from "./params/profile_extra.ts";
export type * from "./params/queries.ts";
export type * from "./params/reactions.ts";
export type * from "./params/stickers.ts";
export type * from "./params/stories.ts";
export type * from "./params/topics.ts";
export type * from "./params/video_chats.ts";
