/** ChatMember, ChatMemberRights, InviteLink and ChatMemberUpdated from TL (types.md §6.1, §6.2, §6.4). */
import type { tl } from "@mtcute/core";
import { renderChatMember } from "../../src/mtkruto/types/chat_member.ts";
import { renderChatMemberRights } from "../../src/mtkruto/types/chat_member_rights.ts";
import { renderChatMemberUpdated } from "../../src/mtkruto/types/chat_member_updated.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import { assertEquals, assertThrows } from "../assert.ts";
import { assertRendersAs, long } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  CHANNEL_ID,
  GRACE_ID,
  peerChannel,
  peerUser,
  rendered,
  SUPERGROUP_ID,
} from "./_mtkruto_message_fixtures.ts";

const NO_RIGHTS: tl.RawChatBannedRights = {
  _: "chatBannedRights",
  untilDate: 0,
};

Deno.test("ChatMemberRights: the nine bools always, the others only when allowed", () => {
  assertRendersAs(renderChatMemberRights(NO_RIGHTS), {
    canSendMessages: true,
    canSendAudio: true,
    canSendDocuments: true,
    canSendPhotos: true,
    canSendVideos: true,
    canSendVideoNotes: true,
    canSendVoice: true,
    canSendPolls: true,
    canSendStickers: true,
    canSendAnimations: true,
    canSendGames: true,
    canSendInlineBotResults: true,
    canAddWebPagePreviews: true,
    canMakeReactions: true,
    canEditMemberTag: true,
    canChangeInfo: true,
    canInviteUsers: true,
    canPinMessages: true,
    canManageTopics: true,
    canManageLinkedChats: true,
  });
  const limited = renderChatMemberRights({
    ...NO_RIGHTS,
    sendPlain: true,
    sendMedia: true,
    sendPolls: true,
    sendGifs: true,
    pinMessages: true,
  }) as unknown as Record<string, unknown>;
  assertEquals(
    [
      limited.canSendMessages,
      limited.canSendPhotos,
      limited.canSendPolls,
      limited.canSendStickers,
    ],
    [false, false, false, true],
  );
  assertEquals(["canSendAnimations" in limited, "canPinMessages" in limited], [
    false,
    false,
  ]);
});

Deno.test("ChatMember: every participant kind", () => {
  const member = rendered.ada();
  const adminRights: tl.RawChatAdminRights = {
    _: "chatAdminRights",
    anonymous: true,
    pinMessages: true,
  };
  assertRendersAs(
    renderChatMember(member, {
      _: "channelParticipant",
      userId: ADA_ID,
      date: 1,
      subscriptionUntilDate: 9,
    }),
    {
      status: "member",
      member,
    },
  );
  assertRendersAs(
    renderChatMember(member, {
      _: "channelParticipantSelf",
      userId: ADA_ID,
      inviterId: 1,
      date: 1,
      subscriptionUntilDate: 9,
      rank: "vip",
    }),
    { status: "member", member, until: 9, tag: "vip" },
  );
  assertRendersAs(
    renderChatMember(member, {
      _: "channelParticipantCreator",
      userId: ADA_ID,
      adminRights,
      rank: "boss",
    }),
    {
      status: "creator",
      member,
      isAnonymous: true,
      title: "boss",
    },
  );
  const admin = renderChatMember(member, {
    _: "channelParticipantAdmin",
    userId: ADA_ID,
    promotedBy: 1,
    date: 1,
    adminRights,
  }) as unknown as { status: string; rights: Record<string, boolean> };
  assertEquals([
    admin.status,
    admin.rights.isAnonymous,
    admin.rights.canPinMessages,
    admin.rights.canChangeInfo,
  ], [
    "administrator",
    true,
    true,
    false,
  ]);
  const banned = (bannedRights: tl.RawChatBannedRights, left?: boolean) =>
    renderChatMember(member, {
      _: "channelParticipantBanned",
      left,
      peer: peerUser(ADA_ID),
      kickedBy: 1,
      date: 1,
      bannedRights,
    });
  assertRendersAs(banned({ ...NO_RIGHTS, viewMessages: true }), {
    status: "banned",
    member,
    until: 0,
  });
  assertRendersAs(banned({ ...NO_RIGHTS, untilDate: 1767300000 }, true), {
    status: "restricted",
    member,
    isMember: false,
    rights: renderChatMemberRights({ ...NO_RIGHTS, untilDate: 1767300000 }),
    until: 1767300000,
  });
  assertRendersAs(
    renderChatMember(member, {
      _: "channelParticipantLeft",
      peer: peerUser(ADA_ID),
    }),
    { status: "left", member },
  );
  assertRendersAs(
    renderChatMember(member, { _: "chatParticipantCreator", userId: ADA_ID }),
    {
      status: "creator",
      member,
      isAnonymous: false,
    },
  );
  const basicAdmin = renderChatMember(member, {
    _: "chatParticipantAdmin",
    userId: ADA_ID,
    inviterId: 1,
    date: 1,
  }) as unknown as {
    rights: Record<string, boolean>;
  };
  assertEquals(
    Object.entries(basicAdmin.rights).filter(([, allowed]) => allowed).map((
      [name],
    ) => name),
    [
      "canManageChat",
      "canDeleteMessages",
      "canRestrictMembers",
      "canChangeInfo",
      "canInviteUsers",
      "canPinMessages",
    ],
  );
});

Deno.test("ChatMemberUpdated: chat, actor, date, both standings (missing = left), shared folder flag and invite link", () => {
  const update: tl.RawUpdateChannelParticipant = {
    _: "updateChannelParticipant",
    viaChatlist: true,
    channelId: SUPERGROUP_ID,
    date: 1767225900,
    actorId: GRACE_ID,
    userId: ADA_ID,
    newParticipant: {
      _: "channelParticipant",
      userId: ADA_ID,
      date: 1767225900,
    },
    invite: {
      _: "chatInviteExported",
      link: "https://t.me/+abc",
      adminId: GRACE_ID,
      date: 1767200000,
      requestNeeded: true,
      usageLimit: 10,
      subscriptionPricing: {
        _: "starsSubscriptionPricing",
        period: 2592000,
        amount: long(0),
      },
    },
    qts: 3,
  };
  assertRendersAs(renderChatMemberUpdated(update, allPeers()), {
    chat: rendered.supergroup(),
    from: rendered.graceUser(),
    date: 1767225900,
    oldChatMember: { status: "left", member: rendered.ada() },
    newChatMember: { status: "member", member: rendered.ada() },
    viaSharedFolder: true,
    inviteLink: {
      inviteLink: "https://t.me/+abc",
      creator: rendered.graceUser(),
      requiresApproval: true,
      isRevoked: false,
      limit: 10,
    },
  });
  const banned = renderChatMemberUpdated({
    ...update,
    viaChatlist: undefined,
    invite: undefined,
    prevParticipant: { _: "channelParticipant", userId: ADA_ID, date: 1 },
    newParticipant: {
      _: "channelParticipantBanned",
      peer: peerChannel(CHANNEL_ID),
      kickedBy: GRACE_ID,
      date: 2,
      bannedRights: { ...NO_RIGHTS, viewMessages: true },
    },
  }, allPeers());
  assertEquals(
    banned.oldChatMember.member,
    rendered.channel(),
    "the participant's peer, not user_id",
  );
  assertEquals(Object.keys(banned), [
    "chat",
    "from",
    "date",
    "oldChatMember",
    "newChatMember",
  ]);
  assertThrows(
    () => renderChatMemberUpdated({ ...update, actorId: 99 }, allPeers()),
    RenderError,
  );
});
