/** ChatMemberUpdated in MTKruto's shape (types.md §6.2): the payload of `chatMember` / `myChatMember`. */
import type { tl } from "@mtcute/core";
import { type ChatMember, renderChatMember } from "./chat_member.ts";
import { type InviteLink, renderInviteLink } from "./invite_link.ts";
import { omitUndefined } from "./omit_undefined.ts";
import {
  type ChatP,
  peerChatP,
  type PeerLookup,
  peerUser,
  type User,
} from "./peers.ts";

/** A member's standing before and after a change, who made it and how they joined. */
export interface ChatMemberUpdated {
  chat: ChatP;
  from: User;
  date: number;
  oldChatMember: ChatMember;
  newChatMember: ChatMember;
  viaSharedFolder?: true;
  inviteLink?: InviteLink;
}

/** The participant's own peer, when the participant kind names one (banned and left members). */
function participantPeer(
  participant: tl.TypeChannelParticipant | tl.TypeChatParticipant | undefined,
): tl.TypePeer | undefined {
  return participant && "peer" in participant ? participant.peer : undefined;
}

/**
 * The ChatMemberUpdated of a participant update: a missing old or new
 * participant is a `left` member; the member is the participant's peer,
 * else the update's user. Throws RenderError when a peer is missing.
 */
export function renderChatMemberUpdated(
  update: tl.RawUpdateChannelParticipant | tl.RawUpdateChatParticipant,
  peers: PeerLookup,
): ChatMemberUpdated {
  const chat = peerChatP(
    peers,
    update._ === "updateChannelParticipant"
      ? { _: "peerChannel", channelId: update.channelId }
      : { _: "peerChat", chatId: update.chatId },
  );
  const memberPeer = participantPeer(update.newParticipant) ??
    participantPeer(update.prevParticipant) ??
    { _: "peerUser", userId: update.userId };
  const member = peerChatP(peers, memberPeer);
  const standing = (
    participant: tl.TypeChannelParticipant | tl.TypeChatParticipant | undefined,
  ): ChatMember =>
    participant
      ? renderChatMember(member, participant)
      : { status: "left", member };
  return omitUndefined({
    chat,
    from: peerUser(peers, update.actorId),
    date: update.date,
    oldChatMember: standing(update.prevParticipant),
    newChatMember: standing(update.newParticipant),
    // MTKruto's `false` branch is unreachable (an unset flag leaves no key), so this is `true?`.
    viaSharedFolder: update._ === "updateChannelParticipant" &&
        update.viaChatlist
      ? true as const
      : undefined,
    inviteLink: update.invite?._ === "chatInviteExported"
      ? renderInviteLink(update.invite, peers)
      : undefined,
  });
}
