/** The invite methods' params (methods.md §A.3, §B.5, §B.7), InviteLink, ResolvedInviteLink, JoinRequest, and joinRequest from TL (types.md §3.1, §6.3, §6.4). */
import type { tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { readArguments } from "../../src/mtkruto/methods/define.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";
import {
  inviteHashOf,
  toCreatedInviteLinksQuery,
  toInviteLinkFilter,
  toInviteLinkTerms,
  toJoinRequestsQuery,
} from "../../src/mtkruto/params/invites.ts";
import {
  renderInviteLink,
  renderResolvedInviteLink,
} from "../../src/mtkruto/types/invite_link.ts";
import { renderPendingJoinRequest } from "../../src/mtkruto/types/join_request.ts";
import { renderPhoto } from "../../src/mtkruto/types/photo.ts";
import { planUpdate } from "../../src/mtkruto/updates/from_tl.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";
import { assert, assertEquals, assertThrowsWithMessage } from "../assert.ts";
import { assertRendersAs, long, tlPhoto, tlUser } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  BOT_ID,
  rendered,
  SUPERGROUP_ID,
} from "./_mtkruto_message_fixtures.ts";

const LINK = "https://t.me/+AbCdEf123456";

function exported(
  overrides: Partial<tl.RawChatInviteExported> = {},
): tl.RawChatInviteExported {
  return {
    _: "chatInviteExported",
    link: LINK,
    adminId: BOT_ID,
    date: 1767220000,
    ...overrides,
  };
}

Deno.test("createInviteLink params: title, expiry, limit and approval; approval and a limit exclude each other", () => {
  assertEquals(
    toInviteLinkTerms({ title: "Friends", expireAt: 1767225600, limit: 5 }),
    {
      title: "Friends",
      expireAt: 1767225600,
      limit: 5,
      isApprovalRequired: false,
    },
  );
  assertEquals(toInviteLinkTerms({ isApprovalRequired: true, limit: 0 }), {
    title: undefined,
    expireAt: undefined,
    limit: 0,
    isApprovalRequired: true,
  });
  assertThrowsWithMessage(
    () => toInviteLinkTerms({ isApprovalRequired: true, limit: 2 }),
    InputError,
    "params.isApprovalRequired cannot be true while params.limit is specified",
  );
  assertThrowsWithMessage(
    () => toInviteLinkTerms({ expireAt: "tomorrow" }),
    InputError,
    "params.expireAt must be an integer",
  );
});

Deno.test("getCreatedInviteLinks params: by, limit, isRevoked; afterDate and afterInviteLink only together", () => {
  assertEquals(toCreatedInviteLinksQuery({}), {
    by: undefined,
    limit: 100,
    isRevoked: false,
    after: undefined,
  });
  assertEquals(
    toCreatedInviteLinksQuery({
      by: "@grace",
      limit: 10,
      isRevoked: true,
      afterDate: 1767220000,
      afterInviteLink: LINK,
    }),
    {
      by: "grace",
      limit: 10,
      isRevoked: true,
      after: { date: 1767220000, inviteLink: LINK },
    },
  );
  assertThrowsWithMessage(
    () => toCreatedInviteLinksQuery({ afterDate: 1767220000 }),
    InputError,
    "Both or neither of params.afterDate and params.afterInviteLink",
  );
  assertThrowsWithMessage(
    () => toCreatedInviteLinksQuery({ limit: 101 }),
    InputError,
    "params.limit must be an integer from 1 to 100",
  );
  assertThrowsWithMessage(
    () => toCreatedInviteLinksQuery({ by: true }),
    InputError,
    "params.by must be a chat",
  );
});

Deno.test("join request params: a link filter; getJoinRequests refuses a link with a search", () => {
  assertEquals(toInviteLinkFilter({}), undefined);
  assertEquals(toInviteLinkFilter({ inviteLink: LINK }), LINK);
  assertThrowsWithMessage(
    () => toInviteLinkFilter({ inviteLink: "" }),
    InputError,
    "params.inviteLink must be a non-empty string",
  );
  assertEquals(toJoinRequestsQuery({ search: "ada", fromUserId: ADA_ID }), {
    inviteLink: undefined,
    search: "ada",
    fromDate: 0,
    fromUserId: ADA_ID,
    limit: 100,
  });
  assertThrowsWithMessage(
    () => toJoinRequestsQuery({ inviteLink: LINK, search: "ada" }),
    InputError,
    "params.inviteLink and params.search cannot be specified together",
  );
});

Deno.test("invite hashes: t.me/+hash, t.me/joinchat/hash and bare hashes, as MTKruto reads them", () => {
  assertEquals(inviteHashOf(LINK), "AbCdEf123456");
  assertEquals(inviteHashOf("https://t.me/joinchat/AbCdEf"), "AbCdEf");
  assertEquals(inviteHashOf("AbCdEf"), "AbCdEf");
});

Deno.test("the methods' account kinds and positional arguments, with MTKruto's texts", () => {
  const method = (name: string) => dialectMethod(name)!;
  for (
    const name of [
      "getCreatedInviteLinks",
      "enableJoinRequests",
      "disableJoinRequests",
      "approveJoinRequests",
      "declineJoinRequests",
      "getJoinRequests",
      "joinChatByInviteLink",
      "resolveInviteLink",
      "deleteRevokedInviteLinks",
    ]
  ) {
    assertEquals(method(name).account, "user", name);
  }
  for (
    const name of [
      "createInviteLink",
      "approveJoinRequest",
      "declineJoinRequest",
    ]
  ) {
    assertEquals(method(name).account, "both", name);
  }
  assertThrowsWithMessage(
    () => readArguments(method("enableJoinRequests"), [-100], true),
    InputError,
    "enableJoinRequests: not a user client.",
  );
  assertThrowsWithMessage(
    () => readArguments(method("approveJoinRequest"), [-100, [1]], true),
    InputError,
    "Argument 2 of approveJoinRequest (userId) must be a chat",
  );
  assertThrowsWithMessage(
    () => readArguments(method("joinChatByInviteLink"), [""], false),
    InputError,
    "Argument 1 of joinChatByInviteLink (inviteLink) must not be empty",
  );
});

Deno.test("InviteLink: link, creator, approval, revocation, then the optional terms; zero prices left out", () => {
  const peers = allPeers();
  assertRendersAs(renderInviteLink(exported(), peers), {
    inviteLink: LINK,
    creator: rendered.botUser(),
    requiresApproval: false,
    isRevoked: false,
  });
  assertRendersAs(
    renderInviteLink(
      exported({
        revoked: true,
        requestNeeded: true,
        title: "Friends",
        expireDate: 1767225600,
        usageLimit: 5,
        requested: 2,
        subscriptionPricing: {
          _: "starsSubscriptionPricing",
          period: 2592000,
          amount: long(0),
        },
      }),
      peers,
    ),
    {
      inviteLink: LINK,
      creator: rendered.botUser(),
      requiresApproval: true,
      isRevoked: true,
      title: "Friends",
      expiresAt: 1767225600,
      limit: 5,
      pendingJoinRequestCount: 2,
    },
  );
});

Deno.test("ResolvedInviteLink: the chat's kind, flags, title, photo, size and previewed members", () => {
  const photo = tlPhoto();
  assertRendersAs(
    renderResolvedInviteLink({
      _: "chatInvite",
      channel: true,
      megagroup: true,
      requestNeeded: true,
      title: "Lounge",
      about: "",
      photo,
      participantsCount: 3,
      participants: [tlUser()],
      color: 0,
    }),
    {
      type: "supergroup",
      isPublic: false,
      isApprovalNeeded: true,
      isVerified: false,
      isScam: false,
      isFake: false,
      isAlreadySubscribed: false,
      title: "Lounge",
      photo: renderPhoto(photo),
      memberCount: 3,
      members: [rendered.adaUser()],
      color: 0,
    },
  );
  assertEquals(
    renderResolvedInviteLink({
      _: "chatInvite",
      channel: true,
      broadcast: true,
      title: "News",
      photo: { _: "photoEmpty", id: long(0) },
      participantsCount: 10,
      color: 3,
    }).type,
    "channel",
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

Deno.test("updateBotChatInviteRequester → joinRequest {chat, from, date, bio, inviteLink?}, named by qts", () => {
  const update: tl.RawUpdateBotChatInviteRequester = {
    _: "updateBotChatInviteRequester",
    peer: { _: "peerChannel", channelId: SUPERGROUP_ID },
    date: 1767220000,
    userId: ADA_ID,
    about: "",
    invite: exported({ requestNeeded: true, requested: 1 }),
    qts: 7,
  };
  const planned = plan(update);
  assert(planned && "update" in planned);
  assertEquals(
    [planned.type, planned.identity],
    ["joinRequest", "joinRequest:qts:7"],
  );
  const payload = planned.update.joinRequest;
  assertRendersAs(payload, {
    chat: rendered.supergroup(),
    from: rendered.adaUser(),
    date: 1767220000,
    bio: "",
    inviteLink: {
      inviteLink: LINK,
      creator: rendered.botUser(),
      requiresApproval: true,
      isRevoked: false,
      pendingJoinRequestCount: 1,
    },
  });
  const publicRequest = plan({
    ...update,
    about: "Hi",
    invite: { _: "chatInvitePublicJoinRequests" },
  });
  assert(publicRequest && "update" in publicRequest);
  assertEquals(Object.keys(publicRequest.update.joinRequest as object), [
    "chat",
    "from",
    "date",
    "bio",
  ]);
});

Deno.test("getJoinRequests' items: the chat, the requester, the date and the bio when there is one", () => {
  const peers = allPeers();
  assertRendersAs(
    renderPendingJoinRequest(rendered.supergroup(), {
      _: "chatInviteImporter",
      requested: true,
      userId: ADA_ID,
      date: 1767220000,
    }, peers),
    {
      chat: rendered.supergroup(),
      from: rendered.adaUser(),
      date: 1767220000,
    },
  );
});
