/** The member methods' params (methods.md §A.3, §B.6), FailedInvitation, and chatMember / myChatMember from TL (types.md §3.1, §6.2). */
import type { tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import {
  fullBan,
  toBanOptions,
  toHistoryLimit,
  toMemberRestriction,
  toMembersPage,
  toPromotion,
} from "../../src/mtkruto/params/members.ts";
import { renderParticipant } from "../../src/mtkruto/types/chat_member.ts";
import { renderFailedInvitation } from "../../src/mtkruto/types/chat_member_invitation.ts";
import { planUpdate } from "../../src/mtkruto/updates/from_tl.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { assertRendersAs } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  BOT_ID,
  peerUser,
  rendered,
  SUPERGROUP_ID,
} from "./_mtkruto_message_fixtures.ts";

Deno.test("setChatMemberRights: only an explicit false forbids, canSendMessages as send_plain; no rights lifts all", () => {
  assertEquals(
    toMemberRestriction({
      rights: {
        canSendMessages: false,
        canSendPhotos: false,
        canSendPolls: true,
        canEditMemberTag: false,
        canManageLinkedChats: true,
      },
      until: 1767225600,
    }),
    {
      _: "chatBannedRights",
      untilDate: 1767225600,
      sendPlain: true,
      sendPhotos: true,
      editRank: true,
    },
  );
  assertEquals(toMemberRestriction({}), {
    _: "chatBannedRights",
    untilDate: 0,
  });
  assertEquals(toMemberRestriction({ rights: {} }).sendMessages, undefined);
});

Deno.test("member params: wrong values are InputErrors naming the key", () => {
  const cases: [() => unknown, string][] = [
    [
      () => toMemberRestriction({ rights: { canSendAudio: "no" } }),
      "params.rights.canSendAudio must be true or false",
    ],
    [
      () => toMemberRestriction({ rights: [] }),
      "params.rights must be an object",
    ],
    [() => toMemberRestriction({ until: -1 }), "params.until must be"],
    [
      () => toMemberRestriction({ rights: { canManageLinkedChats: false } }),
      "params.rights.canManageLinkedChats cannot be false",
    ],
    [() => toBanOptions({ deleteMessages: 1 }), "params.deleteMessages"],
    [() => toPromotion({ title: 7 }), "params.title must be a string"],
    [
      () => toPromotion({ canManageLinkedChats: true }),
      "params.canManageLinkedChats cannot be true",
    ],
    [() => toMembersPage({ limit: 101 }), "params.limit must be"],
    [() => toMembersPage({ offset: 1.5 }), "params.offset must be"],
    [() => toHistoryLimit({ historyLimit: "10" }), "params.historyLimit"],
  ];
  for (const [read, message] of cases) {
    assertThrowsWithMessage(read, InputError, message);
  }
});

Deno.test("banChatMember bans as MTKruto 0.216 does: view_messages and every member right, until the given time", () => {
  assertEquals(toBanOptions({}), { until: 0, deleteMessages: false });
  assertEquals(toBanOptions({ until: 100, deleteMessages: true }), {
    until: 100,
    deleteMessages: true,
  });
  const banned = fullBan(1767225600) as unknown as Record<string, unknown>;
  assertEquals(banned.untilDate, 1767225600);
  assertEquals(
    Object.keys(banned).filter((key) => banned[key] === true).sort(),
    [
      "changeInfo",
      "editRank",
      "embedLinks",
      "inviteUsers",
      "manageTopics",
      "pinMessages",
      "sendAudios",
      "sendDocs",
      "sendGames",
      "sendGifs",
      "sendInline",
      "sendPhotos",
      "sendPlain",
      "sendPolls",
      "sendReactions",
      "sendRoundvideos",
      "sendStickers",
      "sendVideos",
      "sendVoices",
      "viewMessages",
    ],
  );
});

Deno.test("promoteChatMember: true grants, the rest stay unset; the title is the rank, empty when left out", () => {
  assertEquals(
    toPromotion({
      isAnonymous: false,
      canManageChat: true,
      canRestrictMembers: true,
      canPromoteMembers: true,
      canManageVideoChats: true,
      canManageTags: true,
      canManageLinkedChats: false,
      title: "Mod",
    }),
    {
      rights: {
        _: "chatAdminRights",
        other: true,
        manageCall: true,
        banUsers: true,
        addAdmins: true,
        manageRanks: true,
      },
      rank: "Mod",
    },
  );
  assertEquals(toPromotion({}), {
    rights: { _: "chatAdminRights" },
    rank: "",
  });
});

Deno.test("getChatMembers and addChatMember defaults", () => {
  assertEquals(toMembersPage({}), { offset: 0, limit: 100 });
  assertEquals(toMembersPage({ offset: 5, limit: 1 }), { offset: 5, limit: 1 });
  assertEquals(toHistoryLimit({}), 0);
  assertEquals(toHistoryLimit({ historyLimit: 50 }), 50);
});

Deno.test("FailedInvitation: the user and both Premium flags, false when unset", () => {
  assertRendersAs(
    renderFailedInvitation({
      _: "missingInvitee",
      userId: ADA_ID,
      premiumRequiredForPm: true,
    }),
    {
      userId: ADA_ID,
      requiresPremiumToInvite: false,
      requiresPremiumToMessage: true,
    },
  );
});

Deno.test("a result's participant: the member from its peer, or from its user id", () => {
  const peers = allPeers();
  assertRendersAs(
    renderParticipant(peers, {
      _: "channelParticipantBanned",
      left: true,
      peer: peerUser(ADA_ID),
      kickedBy: BOT_ID,
      date: 1767220000,
      bannedRights: { _: "chatBannedRights", untilDate: 0, viewMessages: true },
    }),
    { status: "banned", member: rendered.ada(), until: 0 },
  );
  assertRendersAs(
    renderParticipant(peers, { _: "chatParticipantCreator", userId: ADA_ID }),
    { status: "creator", member: rendered.ada(), isAnonymous: false },
  );
});

function plan(update: tl.TypeUpdate) {
  const chats = new MessageChats(":memory:");
  try {
    return planUpdate(update, allPeers(), { chats });
  } finally {
    chats.close();
  }
}

Deno.test("updateChannelParticipant → chatMember about others, myChatMember about the account itself; named by qts", () => {
  const participant = (
    userId: number,
    qts: number,
  ): tl.RawUpdateChannelParticipant => ({
    _: "updateChannelParticipant",
    channelId: SUPERGROUP_ID,
    date: 1767225600,
    actorId: ADA_ID,
    userId,
    prevParticipant: { _: "channelParticipant", userId, date: 1767220000 },
    newParticipant: {
      _: "channelParticipantBanned",
      peer: peerUser(userId),
      kickedBy: ADA_ID,
      date: 1767220000,
      bannedRights: { _: "chatBannedRights", untilDate: 0, viewMessages: true },
    },
    qts,
  });
  const others = plan(participant(ADA_ID, 5));
  assertEquals(others?.type, "chatMember");
  assertEquals(others?.identity, "chatMember:qts:5");
  assertEquals(others && "update" in others && others.update, {
    type: "chatMember",
    chatMember: {
      chat: rendered.supergroup(),
      from: rendered.adaUser(),
      date: 1767225600,
      oldChatMember: { status: "member", member: rendered.ada() },
      newChatMember: { status: "banned", member: rendered.ada(), until: 0 },
    },
  });
  // the bot's own user object carries Telegram's `self` flag
  const own = plan(participant(BOT_ID, 6));
  assertEquals([own?.type, own?.identity], [
    "myChatMember",
    "myChatMember:qts:6",
  ]);
});

Deno.test("updateChatParticipant (basic groups): a member who left is `left`", () => {
  const planned = plan({
    _: "updateChatParticipant",
    chatId: 777,
    date: 1767225600,
    actorId: ADA_ID,
    userId: BOT_ID,
    prevParticipant: {
      _: "chatParticipantAdmin",
      userId: BOT_ID,
      inviterId: ADA_ID,
      date: 1767220000,
    },
    qts: 9,
  });
  const payload = planned && "update" in planned
    ? planned.update.myChatMember as Record<string, unknown>
    : undefined;
  assertEquals(planned?.type, "myChatMember");
  assertEquals(payload?.chat, rendered.group());
  assertEquals(
    (payload?.oldChatMember as { status: string }).status,
    "administrator",
  );
  assertEquals(payload?.newChatMember, {
    status: "left",
    member: rendered.bot(),
  });
});
