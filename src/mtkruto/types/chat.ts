/**
 * The full Chat of `getChat` (types.md §5.3), and the chat results built from
 * ChatP: InactiveChat and ChatJoinResult (MTKruto 0.216).
 */
import type { tl } from "@mtcute/core";
import { renderGeoPoint } from "./location.ts";
import type { Location } from "./location.ts";
import { omitUndefined } from "./omit_undefined.ts";
import {
  type ChatP,
  type ChatPChannel,
  type ChatPGroup,
  type ChatPPrivate,
  type ChatPSupergroup,
  renderChatP,
  renderUser,
  type User,
} from "./peers.ts";
import { type Photo, renderPhoto } from "./photo.ts";
import { RenderError } from "./render_error.ts";

/** A user's birthday; the year only when the user shares it. */
export interface Birthday {
  day: number;
  month: number;
  year?: number;
}

/** One opening interval of a business, in milliseconds from the start of the week (Monday 00:00). */
export interface WorkingHoursInterval {
  startsAt: number;
  endsAt: number;
}

/** When a business is open. */
export interface WorkingHours {
  timezone: string;
  intervals: WorkingHoursInterval[];
}

/** A user's chat in full: its ChatP with the profile photo and the business details. */
export interface ChatPrivate extends Omit<ChatPPrivate, "photo"> {
  birthday?: Birthday;
  photo?: Photo;
  address?: string;
  location?: Location;
  workingHours?: WorkingHours;
}

/** A basic group in full: its ChatP with the photo and the active video chat. */
export interface ChatGroup extends Omit<ChatPGroup, "photo"> {
  photo?: Photo;
  videoChatId?: string;
}

/** A supergroup in full: its ChatP with the photo and the active video chat. */
export interface ChatSupergroup extends Omit<ChatPSupergroup, "photo"> {
  photo?: Photo;
  videoChatId?: string;
}

/** A broadcast channel in full: its ChatP with the photo and the active video chat. */
export interface ChatChannel extends Omit<ChatPChannel, "photo"> {
  photo?: Photo;
  videoChatId?: string;
}

/** What `getChat` answers: any chat in full, told apart by `type`. */
export type Chat = ChatPrivate | ChatGroup | ChatSupergroup | ChatChannel;

/** A supergroup or channel the account has not been active in, and since when. */
export interface InactiveChat {
  /** Unix seconds. */
  lastActivity: number;
  chat: ChatP;
}

/** `joinChat` went through. */
export interface ChatJoinResultJoined {
  type: "joined";
}

/** Joining waits for the user to pass a bot's captcha (a mini app). */
export interface ChatJoinResultCaptcha {
  type: "captcha";
  bot: User;
  queryId: string;
}

/** What joining a chat led to. */
export type ChatJoinResult = ChatJoinResultJoined | ChatJoinResultCaptcha;

/** The full TL answers `getChat` renders. */
export type FullChatResult = tl.users.RawUserFull | tl.messages.RawChatFull;

/** The TL peer the full answer is about, among the users and chats that came with it. */
function peerOf(result: FullChatResult): tl.TypeUser | tl.TypeChat {
  const [found, what] = result._ === "users.userFull"
    ? [
      result.users.find((user) => user.id === result.fullUser.id),
      `user ${result.fullUser.id}`,
    ]
    : [
      result.chats.find((chat) =>
        chat.id === result.fullChat.id &&
        (result.fullChat._ === "chatFull") ===
          (chat._ === "chat" || chat._ === "chatForbidden")
      ),
      `chat ${result.fullChat.id}`,
    ];
  if (!found) throw new RenderError(`The full ${what} came without its peer`);
  return found;
}

/** A full photo, when there is one (`photoEmpty` is none). */
function fullPhoto(photo: tl.TypePhoto | undefined): Photo | undefined {
  return photo?._ === "photo" ? renderPhoto(photo) : undefined;
}

function renderBirthday(birthday: tl.RawBirthday): Birthday {
  return omitUndefined({
    day: birthday.day,
    month: birthday.month,
    year: birthday.year,
  });
}

const MINUTE_MS = 60_000;

function renderWorkingHours(hours: tl.RawBusinessWorkHours): WorkingHours {
  return {
    timezone: hours.timezoneId,
    intervals: hours.weeklyOpen.map((open) => ({
      startsAt: open.startMinute * MINUTE_MS,
      endsAt: open.endMinute * MINUTE_MS,
    })),
  };
}

/** The Chat of a full user, group or channel: the ChatP of its peer, its `photo` replaced by the full photo (or dropped), then the full-only fields. */
export function renderChat(result: FullChatResult): Chat {
  const chatP = renderChatP(peerOf(result));
  if (result._ === "users.userFull") {
    const full = result.fullUser;
    const geo = full.businessLocation?.geoPoint;
    return omitUndefined({
      ...(chatP as ChatPPrivate),
      birthday: full.birthday && renderBirthday(full.birthday),
      photo: fullPhoto(full.profilePhoto),
      address: full.businessLocation?.address,
      location: geo?._ === "geoPoint" ? renderGeoPoint(geo) : undefined,
      workingHours: full.businessWorkHours &&
        renderWorkingHours(full.businessWorkHours),
    });
  }
  const full = result.fullChat;
  const call = full.call;
  return omitUndefined({
    ...(chatP as ChatPGroup | ChatPSupergroup | ChatPChannel),
    photo: fullPhoto(full.chatPhoto),
    videoChatId: call?._ === "inputGroupCall" ? call.id.toString() : undefined,
  });
}

/** The InactiveChats of `channels.getInactiveChannels`: each chat with the date at its index. */
export function renderInactiveChats(
  result: tl.messages.RawInactiveChats,
): InactiveChat[] {
  return result.chats.flatMap((chat, index) =>
    chat._ === "chatEmpty"
      ? []
      : [{ lastActivity: result.dates[index] ?? 0, chat: renderChatP(chat) }]
  );
}

/** The ChatJoinResult of `channels.joinChannel` / `messages.importChatInvite`. */
export function renderChatJoinResult(
  result: tl.messages.TypeChatInviteJoinResult,
): ChatJoinResult {
  if (result._ === "messages.chatInviteJoinResultOk") return { type: "joined" };
  const bot = result.users.find((user) => user.id === result.botId);
  if (!bot) {
    throw new RenderError(
      `The captcha bot ${result.botId} came without its user`,
    );
  }
  return {
    type: "captcha",
    bot: renderUser(bot),
    queryId: result.webview.queryId?.toString() ?? "",
  };
}
