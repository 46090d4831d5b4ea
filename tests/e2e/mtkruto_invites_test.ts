/**
 * End to end: invite links and join requests in MTKruto's dialect. The bot,
 * an admin of Alice's supergroup, makes links; users ask to join by them
 * (the control API's `POST /chats/<id>/join-requests`, as their own apps
 * would) and the bot gets each request as a `joinRequest` update, approves
 * or declines it; Alice (a user hosted on the gateway) lists links and
 * requests, handles requests in bulk and turns a public supergroup's join
 * requests on and off; Bob, hosted too, resolves and joins by links. Every
 * effect is read back from the emulator, every result's shape checked
 * against types.md.
 */
import { assertEquals } from "../assert.ts";
import { addUser } from "./_add_user.ts";
import { ok, withChats } from "./_chats_world.ts";
import {
  actors,
  type InviteLink,
  inviteLinkKeys,
  type JoinRequest,
} from "./_invites_calls.ts";
import { until } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

Deno.test(
  "the admin bot's invite links and join requests: the bot approves one and declines one, Alice handles the rest in bulk",
  options,
  () =>
    withChats(async (world) => {
      const { supergroup: chat, bot: { id: botId } } = world;
      const a = actors(world);
      await a.promoteBot(chat);

      // the bot makes two links (types.md §6.4), which the emulator holds
      const friends = await a.bot<InviteLink>("createInviteLink", chat, {
        title: "Friends",
        isApprovalRequired: true,
      });
      assertEquals(Object.keys(friends), inviteLinkKeys("title"));
      assertEquals(
        [
          friends.creator.id,
          friends.creator.isBot,
          friends.requiresApproval,
          friends.isRevoked,
          friends.title,
        ],
        [botId, true, true, false, "Friends"],
      );
      const expireAt = Math.floor(Date.now() / 1000) + 3600;
      const limited = await a.bot<InviteLink>("createInviteLink", chat, {
        expireAt,
        limit: 3,
      });
      assertEquals(Object.keys(limited), inviteLinkKeys("expiresAt", "limit"));
      assertEquals([limited.expiresAt, limited.limit], [expireAt, 3]);
      const held = await world.dc.control<
        { link: string; admin: number; requestNeeded: boolean }[]
      >("GET", `/chats/${chat}/invite-links`);
      assertEquals(held.map((l) => [l.link, l.admin, l.requestNeeded]), [
        [limited.inviteLink, botId, false],
        [friends.inviteLink, botId, true],
      ]);

      // bad input names the argument; Telegram's refusals come through; user-only methods refuse the bot
      await a.refused(
        a.botBase,
        "createInviteLink",
        [chat, {
          isApprovalRequired: true,
          limit: 2,
        }],
        "input",
        "params.isApprovalRequired cannot be true",
      );
      await a.refused(
        a.botBase,
        "createInviteLink",
        [chat, { title: 5 }],
        "input",
        "params.title must be a string",
      );
      await a.refused(
        a.botBase,
        "createInviteLink",
        [chat, { expireAt: 1000 }],
        "rpc",
        "EXPIRE_DATE_INVALID",
      );
      for (const method of ["getCreatedInviteLinks", "approveJoinRequests"]) {
        await a.refused(
          a.botBase,
          method,
          [chat],
          "input",
          `${method}: not a user client.`,
        );
      }

      // Alice lists the bot's links (the creator sees everyone's) and her own
      const botsLinks = await a.alice<InviteLink[]>(
        "getCreatedInviteLinks",
        chat,
        { by: botId },
      );
      assertEquals(botsLinks.map((l) => l.inviteLink), [
        limited.inviteLink,
        friends.inviteLink,
      ]);
      assertEquals(await a.alice("getCreatedInviteLinks", chat), []);
      await a.refused(
        world.userBase,
        "getCreatedInviteLinks",
        [chat, {
          afterDate: 1,
        }],
        "input",
        "params.afterDate and params.afterInviteLink",
      );

      // Bob asks by the Friends link: the bot gets joinRequest (types.md §6.3) and approves it
      const bob = await a.createUser("15550002", "Bob");
      await a.requestToJoin(chat, bob, friends.inviteLink);
      const request = await a.joinRequest(chat, bob);
      assertEquals(Object.keys(request), [
        "chat",
        "from",
        "date",
        "bio",
        "inviteLink",
      ]);
      assertEquals(
        [request.chat.type, request.from.type, request.bio],
        ["supergroup", undefined, ""],
      );
      assertEquals(
        [
          request.inviteLink!.inviteLink,
          request.inviteLink!.pendingJoinRequestCount,
        ],
        [friends.inviteLink, 1],
      );
      const pending = await a.alice<JoinRequest[]>("getJoinRequests", chat);
      assertEquals(pending.map((r) => [r.chat.id, r.from.id]), [[chat, bob]]);
      assertEquals(Object.keys(pending[0]), ["chat", "from", "date"]);
      assertEquals(await a.bot("approveJoinRequest", chat, bob), null);
      assertEquals((await a.statuses(chat))[bob], "member");
      const joined = await a.memberUpdate(chat, bob, "member");
      assertEquals(
        [joined.from.id, joined.inviteLink?.inviteLink],
        [botId, friends.inviteLink],
      );
      assertEquals((await a.joinRequests(chat)).pending, []);

      // Carol asks (by the newest link that requires approval); the bot declines: she stays out
      const carol = await a.createUser("15550003", "Carol");
      await a.requestToJoin(chat, carol);
      await a.joinRequest(chat, carol);
      assertEquals(await a.bot("declineJoinRequest", chat, carol), null);
      assertEquals((await a.statuses(chat))[carol], undefined);
      assertEquals((await a.joinRequests(chat)).pending, []);
      await a.refused(
        a.botBase,
        "approveJoinRequest",
        [chat, carol],
        "rpc",
        "HIDE_REQUESTER_MISSING",
      );

      // Alice declines Dave's request by its link, then approves the rest (Erin's)
      const dave = await a.createUser("15550004", "Dave");
      const erin = await a.createUser("15550005", "Erin");
      const other = await a.alice<InviteLink>("createInviteLink", chat, {
        isApprovalRequired: true,
      });
      await a.requestToJoin(chat, dave, friends.inviteLink);
      await a.requestToJoin(chat, erin, other.inviteLink);
      await until(
        async () =>
          (await a.alice<JoinRequest[]>("getJoinRequests", chat)).length === 2,
        10_000,
        "Alice to see both requests",
      );
      const byOther = await a.alice<JoinRequest[]>("getJoinRequests", chat, {
        inviteLink: other.inviteLink,
      });
      assertEquals(byOther.map((r) => r.from.id), [erin]);
      await a.refused(
        world.userBase,
        "getJoinRequests",
        [chat, {
          inviteLink: other.inviteLink,
          search: "Erin",
        }],
        "input",
        "cannot be specified together",
      );
      assertEquals(
        await a.alice("declineJoinRequests", chat, {
          inviteLink: friends.inviteLink,
        }),
        null,
      );
      assertEquals(
        (await a.joinRequests(chat)).pending.map((r) => r.user),
        [erin],
      );
      assertEquals(await a.alice("approveJoinRequests", chat), null);
      const members = await a.statuses(chat);
      assertEquals([members[dave], members[erin]], [undefined, "member"]);
      await a.memberUpdate(chat, erin, "member");
    }),
);

Deno.test(
  "a public supergroup's join requests on and off; Bob resolves links, joins by one and asks by another",
  options,
  () =>
    withChats(async (world) => {
      const { dc, gateway, userId: aliceId, bot: { id: botId } } = world;
      const a = actors(world);
      const { id: lounge } = await dc.control<{ id: number }>(
        "POST",
        "/chats",
        {
          type: "supergroup",
          title: "Open Lounge",
          creator: aliceId,
          members: [botId],
          username: "open_lounge",
        },
      );
      await a.promoteBot(lounge);
      await a.promoteBot(world.supergroup);
      await until(
        async () =>
          (await a.post(world.userBase, "getHistory", [lounge, { limit: 1 }]))
            .status === 200,
        10_000,
        "Alice's client to learn the public supergroup",
      );

      // Alice turns join requests on; the emulator's chat takes them
      assertEquals(await a.alice("enableJoinRequests", lounge), null);
      assertEquals((await a.joinRequests(lounge)).enabled, true);
      await a.refused(
        world.userBase,
        "enableJoinRequests",
        [lounge],
        "rpc",
        "CHAT_NOT_MODIFIED",
      );
      await a.refused(
        world.userBase,
        "enableJoinRequests",
        [world.supergroup],
        "rpc",
        "CHAT_PUBLIC_REQUIRED",
      );
      await a.refused(
        world.userBase,
        "enableJoinRequests",
        [world.group],
        "input",
        "is neither a channel nor a supergroup",
      );
      await a.refused(
        a.botBase,
        "disableJoinRequests",
        [lounge],
        "input",
        "disableJoinRequests: not a user client.",
      );

      // a user joining directly now asks; the bot's joinRequest names no link
      const carol = await a.createUser("15550003", "Carol");
      await a.requestToJoin(lounge, carol);
      const request = await a.joinRequest(lounge, carol);
      assertEquals(Object.keys(request), ["chat", "from", "date", "bio"]);
      assertEquals(await a.alice("disableJoinRequests", lounge), null);
      assertEquals((await a.joinRequests(lounge)).enabled, false);

      // Bob, hosted on the gateway, resolves the bot's link and joins by it
      await a.createUser("15550002", "Bob");
      const bobBase = `/${await addUser(dc, gateway.dataDir, "15550002")}`;
      const bob = await ok<{ id: number }>(gateway, bobBase, "getMe", []);
      const link = await a.bot<InviteLink>(
        "createInviteLink",
        world.supergroup,
      );
      const resolved = await ok<Record<string, unknown>>(
        gateway,
        bobBase,
        "resolveInviteLink",
        [link.inviteLink],
      );
      assertEquals(resolved, {
        type: "supergroup",
        isPublic: false,
        isApprovalNeeded: false,
        isVerified: false,
        isScam: false,
        isFake: false,
        isAlreadySubscribed: false,
        title: "Lounge",
        memberCount: 2,
        members: resolved.members,
        color: 0,
      });
      assertEquals(
        await ok(gateway, bobBase, "joinChatByInviteLink", [link.inviteLink]),
        { type: "joined" },
      );
      assertEquals((await a.statuses(world.supergroup))[bob.id], "member");
      const joined = await a.memberUpdate(world.supergroup, bob.id, "member");
      assertEquals(
        [joined.from.id, joined.inviteLink?.inviteLink],
        [bob.id, link.inviteLink],
      );
      const already = await ok<{ id: number; type: string }>(
        gateway,
        bobBase,
        "resolveInviteLink",
        [link.inviteLink],
      );
      assertEquals([already.id, already.type], [
        world.supergroup,
        "supergroup",
      ]);

      // a link of the basic group that requires approval: Bob's join is a request, Alice approves it
      const groupLink = await a.alice<InviteLink>(
        "createInviteLink",
        world.group,
        { isApprovalRequired: true },
      );
      await a.refused(
        bobBase,
        "joinChatByInviteLink",
        [groupLink.inviteLink],
        "rpc",
        "INVITE_REQUEST_SENT",
      );
      assertEquals(
        (await a.joinRequests(world.group)).pending.map((r) => r.user),
        [bob.id],
      );
      assertEquals(await a.alice("approveJoinRequests", world.group), null);
      assertEquals((await a.statuses(world.group))[bob.id], "member");
      await a.refused(
        bobBase,
        "joinChatByInviteLink",
        [""],
        "input",
        "must not be empty",
      );
      await a.refused(
        a.botBase,
        "joinChatByInviteLink",
        [link.inviteLink],
        "input",
        "joinChatByInviteLink: not a user client.",
      );

      // Alice revokes a link of hers (mtcute's revokeInviteLink), lists it as revoked, then deletes it
      const mine = await a.alice<InviteLink>(
        "createInviteLink",
        world.supergroup,
      );
      await a.alice(
        "mtcute.revokeInviteLink",
        world.supergroup,
        mine.inviteLink,
      );
      const revoked = await a.alice<InviteLink[]>(
        "getCreatedInviteLinks",
        world.supergroup,
        { isRevoked: true },
      );
      assertEquals(
        revoked.map((l) => [l.inviteLink, l.isRevoked]),
        [[mine.inviteLink, true]],
      );
      assertEquals(
        await a.alice("deleteRevokedInviteLinks", world.supergroup, aliceId),
        null,
      );
      assertEquals(
        await a.alice("getCreatedInviteLinks", world.supergroup, {
          isRevoked: true,
        }),
        [],
      );
      const held = await dc.control<{ link: string }[]>(
        "GET",
        `/chats/${world.supergroup}/invite-links`,
      );
      assertEquals(held.map((l) => l.link), [link.inviteLink]);
    }),
);
