/** ChatSettings: what the chat bar offers about a chat (MTKruto 0.216's `getChatSettings`), from `messages.peerSettings`. */
import type { tl } from "@mtcute/core";
import { omitUndefined } from "./omit_undefined.ts";
import { renderUser, type User } from "./peers.ts";

/** A chat's settings: the actions the chat bar offers and the facts it shows. */
export interface ChatSettings {
  canReport: boolean;
  canAddToContacts: boolean;
  canBlock: boolean;
  canShare: boolean;
  isContactsException: boolean;
  canReportLocation: boolean;
  canUnarchive: boolean;
  canInviteMembers: boolean;
  channelJoinRequest: boolean;
  isBusinessBotPaused: boolean;
  businessBotCanReply: boolean;
  distance?: number;
  joinRequestChatTitle?: string;
  joinRequestDate?: number;
  businessBot?: User;
  businessBotUrl?: string;
  messagePrice?: number;
  registrationMonth?: string;
  phoneCountry?: string;
  nameChangeDate?: number;
  photoChangeDate?: number;
}

/** The ChatSettings of a `messages.peerSettings`; the business bot comes from its users. */
export function renderChatSettings(
  result: tl.messages.RawPeerSettings,
): ChatSettings {
  const settings = result.settings;
  const bot = result.users.find((user) =>
    user._ === "user" && user.id === settings.businessBotId
  );
  return omitUndefined({
    canReport: settings.reportSpam ?? false,
    canAddToContacts: settings.addContact ?? false,
    canBlock: settings.blockContact ?? false,
    canShare: settings.shareContact ?? false,
    isContactsException: settings.needContactsException ?? false,
    canReportLocation: settings.reportGeo ?? false,
    canUnarchive: settings.autoarchived ?? false,
    canInviteMembers: settings.inviteMembers ?? false,
    channelJoinRequest: settings.requestChatBroadcast ?? false,
    isBusinessBotPaused: settings.businessBotPaused ?? false,
    businessBotCanReply: settings.businessBotCanReply ?? false,
    distance: settings.geoDistance,
    joinRequestChatTitle: settings.requestChatTitle,
    // MTKruto drops zero dates and prices.
    joinRequestDate: settings.requestChatDate || undefined,
    businessBot: bot && renderUser(bot),
    businessBotUrl: settings.businessBotManageUrl,
    messagePrice: settings.chargePaidMessageStars?.isZero()
      ? undefined
      : settings.chargePaidMessageStars?.toNumber(),
    registrationMonth: settings.registrationMonth,
    phoneCountry: settings.phoneCountry,
    nameChangeDate: settings.nameChangeDate || undefined,
    photoChangeDate: settings.photoChangeDate || undefined,
  });
}
