import { assert, assertEquals } from "../../assert.ts";
import type { tl } from "@mtcute/core";
import {
  chatSetup,
  inputChannel,
  pushedUpdates,
  rpcError,
} from "./_chats_testing.ts";
import { botSession, invoke, userSession } from "./_testing.ts";
import { connectBusinessBot } from "./profile_business.ts";
import { addCollectible, heldUsernames } from "./profile_usernames.ts";
import { World } from "./world.ts";

/** A world with Ann (username ann_user, two sessions) and Bob, all subscribed. */
async function profileSetup() {
  const world = new World();
  const ann = world.state.accounts.createUser({
    phone: "15550100",
    firstName: "Ann",
    username: "ann_user",
  });
  const bob = world.state.accounts.createUser({
    phone: "15550101",
    firstName: "Bob",
  });
  const annMain = userSession(ann.id);
  const annOther = userSession(ann.id);
  const bobMain = userSession(bob.id);
  for (const session of [annMain, annOther, bobMain]) {
    await invoke(world, session, { _: "updates.getState" });
  }
  return { world, ann, bob, annMain, annOther, bobMain };
}

/** The username list of `user`'s TL object as `viewer` sees it, as `[name, active]` pairs. */
async function seenUsernames(
  world: World,
  viewer: ReturnType<typeof userSession>,
  userId: number,
) {
  const [user] = await invoke(world, viewer, {
    _: "users.getUsers",
    id: [{
      _: "inputUser",
      userId,
      accessHash: world.state.accounts.accessHash(viewer.accountId!, userId),
    }],
  });
  assert(user._ === "user");
  return {
    username: user.username,
    usernames: user.usernames?.map((u) => [u.username, u.active ?? false]),
  };
}

Deno.test("collectible usernames replace username with the list, and toggle and reorder as Telegram documents", async () => {
  const { world, ann, annMain, annOther, bobMain } = await profileSetup();
  assertEquals(await seenUsernames(world, bobMain, ann.id), {
    username: "ann_user",
    usernames: undefined,
  });
  addCollectible(ann, "annfamous", true);
  addCollectible(ann, "annrare", false);
  assertEquals(await seenUsernames(world, bobMain, ann.id), {
    username: undefined,
    usernames: [["ann_user", true], ["annfamous", true], ["annrare", false]],
  });
  const toggle = (username: string, active: boolean) =>
    invoke(world, annMain, { _: "account.toggleUsername", username, active });
  assertEquals(await toggle("AnnRare", true), true);
  assertEquals(
    heldUsernames(ann).map((u) => [u.username, u.active]),
    [["ann_user", true], ["annfamous", true], ["annrare", true]],
  );
  assert(pushedUpdates(annOther).some((u) => u._ === "updateUserName"));
  assertEquals(
    await rpcError(toggle("annrare", true)),
    "USERNAME_NOT_MODIFIED",
  );
  assertEquals(await rpcError(toggle("ann_user", false)), "USERNAME_INVALID");
  assertEquals(await rpcError(toggle("nobody_here", true)), "USERNAME_INVALID");

  const reorder = (order: string[]) =>
    invoke(world, annMain, { _: "account.reorderUsernames", order });
  assertEquals(await reorder(["annrare", "ann_user", "annfamous"]), true);
  assertEquals(heldUsernames(ann).map((u) => u.username), [
    "annrare",
    "ann_user",
    "annfamous",
  ]);
  assertEquals(
    await rpcError(reorder(["annrare", "ann_user"])),
    "ORDER_INVALID",
  );
  assertEquals(
    await rpcError(reorder(["annrare", "annrare", "ann_user"])),
    "ORDER_INVALID",
  );
  assertEquals(
    await rpcError(reorder(["annrare", "ann_user", "annfamous"])),
    "USERNAME_NOT_MODIFIED",
  );

  // an active collectible resolves; a hidden one does not
  const resolve = (username: string) =>
    invoke(world, bobMain, { _: "contacts.resolveUsername", username });
  const resolved = await resolve("annfamous");
  assertEquals(resolved.peer, { _: "peerUser", userId: ann.id });
  await toggle("annfamous", false);
  assertEquals(await rpcError(resolve("annfamous")), "USERNAME_NOT_OCCUPIED");
  assertEquals(heldUsernames(ann).map((u) => [u.username, u.active]), [
    ["annrare", true],
    ["ann_user", true],
    ["annfamous", false],
  ]);
});

Deno.test("bots' collectible usernames are managed by their owner only", async () => {
  const { world, ann, annMain, bobMain } = await profileSetup();
  const bot = world.state.accounts.createBot({
    username: "helper_bot",
    ownerId: ann.id,
  });
  addCollectible(bot, "helper", false);
  const toggle = (session: typeof annMain) =>
    invoke(world, session, {
      _: "bots.toggleUsername",
      bot: {
        _: "inputUser",
        userId: bot.id,
        accessHash: world.state.accounts.accessHash(
          session.accountId!,
          bot.id,
        ),
      },
      username: "helper",
      active: true,
    });
  assertEquals(await rpcError(toggle(bobMain)), "BOT_INVALID");
  assertEquals(await toggle(annMain), true);
  assertEquals(heldUsernames(bot).map((u) => [u.username, u.active]), [
    ["helper_bot", true],
    ["helper", true],
  ]);
  const [seenByOwner] = await invoke(world, annMain, {
    _: "users.getUsers",
    id: [inputUserOf(world, ann.id, bot.id)],
  });
  const [seenByOther] = await invoke(world, bobMain, {
    _: "users.getUsers",
    id: [inputUserOf(world, bobMain.accountId!, bot.id)],
  });
  assert(seenByOwner._ === "user" && seenByOther._ === "user");
  assertEquals([seenByOwner.botCanEdit, seenByOther.botCanEdit], [
    true,
    undefined,
  ]);
  const reorder = await invoke(world, annMain, {
    _: "bots.reorderUsernames",
    bot: inputUserOf(world, ann.id, bot.id),
    order: ["helper", "helper_bot"],
  });
  assertEquals(reorder, true);
  assertEquals(heldUsernames(bot).map((u) => u.username), [
    "helper",
    "helper_bot",
  ]);
  // users only: the bot itself may not call it
  const { session: strangerBot } = await botSession(world, "stranger_bot");
  assertEquals(
    await rpcError(invoke(world, strangerBot, {
      _: "bots.toggleUsername",
      bot: { _: "inputUserSelf" },
      username: "helper",
      active: false,
    })),
    "BOT_METHOD_INVALID",
  );
});

function inputUserOf(
  world: World,
  viewerId: number,
  userId: number,
): tl.RawInputUser {
  return {
    _: "inputUser",
    userId,
    accessHash: world.state.accounts.accessHash(viewerId, userId),
  };
}

Deno.test("a channel's owner shows, orders and deactivates its collectible usernames", async () => {
  const { world, ann, bob, annMain, bobMain, chat } = await chatSetup(
    "channel",
    { username: "news_room" },
  );
  addCollectible(chat, "newsfamous", true);
  const channel = inputChannel(world, ann.id, chat.key);
  const [seen] = world.state.chatObjects([chat.key], bob.id);
  assert(seen._ === "channel");
  assertEquals(
    [seen.username, seen.usernames?.map((u) => u.username)],
    [undefined, ["news_room", "newsfamous"]],
  );
  assertEquals(
    await rpcError(invoke(world, bobMain, {
      _: "channels.deactivateAllUsernames",
      channel: inputChannel(world, bob.id, chat.key),
    })),
    "CHAT_ADMIN_REQUIRED",
  );
  assertEquals(
    await invoke(world, annMain, {
      _: "channels.reorderUsernames",
      channel,
      order: ["newsfamous", "news_room"],
    }),
    true,
  );
  assertEquals(
    await invoke(world, annMain, {
      _: "channels.deactivateAllUsernames",
      channel,
    }),
    true,
  );
  assertEquals(heldUsernames(chat).map((u) => [u.username, u.active]), [
    ["news_room", true],
    ["newsfamous", false],
  ]);
  // nothing left to deactivate
  assertEquals(
    await invoke(world, annMain, {
      _: "channels.deactivateAllUsernames",
      channel,
    }),
    false,
  );
  assertEquals(
    await invoke(world, annMain, {
      _: "channels.toggleUsername",
      channel,
      username: "newsfamous",
      active: true,
    }),
    true,
  );
  assertEquals(heldUsernames(chat).at(-1), {
    username: "newsfamous",
    editable: false,
    active: true,
  });
});

Deno.test("account.updateProfile changes names and bio, with Telegram's errors", async () => {
  const { world, ann, annMain, annOther, bobMain } = await profileSetup();
  const updated = await invoke(world, annMain, {
    _: "account.updateProfile",
    firstName: " Annie ",
    lastName: "Smith",
    about: "Hello there",
  });
  assert(updated._ === "user");
  assertEquals([updated.firstName, updated.lastName], ["Annie", "Smith"]);
  assertEquals([ann.firstName, ann.lastName, ann.about], [
    "Annie",
    "Smith",
    "Hello there",
  ]);
  const renamed = pushedUpdates(annOther).find((u) => u._ === "updateUserName");
  assert(renamed?._ === "updateUserName");
  assertEquals([renamed.firstName, renamed.lastName], ["Annie", "Smith"]);
  const full = await invoke(world, bobMain, {
    _: "users.getFullUser",
    id: inputUserOf(world, bobMain.accountId!, ann.id),
  });
  assertEquals(full.fullUser.about, "Hello there");
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "account.updateProfile",
      firstName: "  ",
    })),
    "FIRSTNAME_INVALID",
  );
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "account.updateProfile",
      about: "x".repeat(71),
    })),
    "ABOUT_TOO_LONG",
  );
});

Deno.test("account.updateUsername and checkUsername follow username rules", async () => {
  const { world, ann, bob, annMain, bobMain } = await profileSetup();
  const set = (username: string) =>
    invoke(world, bobMain, { _: "account.updateUsername", username });
  const check = (username: string) =>
    invoke(world, bobMain, { _: "account.checkUsername", username });
  assertEquals(await check("bob_builder"), true);
  assertEquals(await rpcError(check("ann_user")), "USERNAME_OCCUPIED");
  assertEquals(await rpcError(check("b")), "USERNAME_INVALID");
  const user = await set("bob_builder");
  assert(user._ === "user");
  assertEquals([user.username, bob.username], ["bob_builder", "bob_builder"]);
  assertEquals(await rpcError(set("bob_builder")), "USERNAME_NOT_MODIFIED");
  assertEquals(await rpcError(set("ANN_USER")), "USERNAME_OCCUPIED");
  assertEquals(await rpcError(set("9lives")), "USERNAME_INVALID");
  await set("");
  assertEquals(bob.username, undefined);
  assertEquals(await rpcError(set("")), "USERNAME_NOT_MODIFIED");
  // a collectible counts as taken even while hidden
  addCollectible(ann, "annhidden", false);
  assertEquals(await rpcError(set("annhidden")), "USERNAME_OCCUPIED");
  assertEquals(
    await rpcError(
      invoke(world, annMain, {
        _: "account.checkUsername",
        username: "annhidden",
      }),
    ),
    "USERNAME_OCCUPIED",
  );
});

Deno.test("account.updateStatus shows the account online, then offline", async () => {
  const { world, ann, annMain, bobMain } = await profileSetup();
  const statusSeen = async () => {
    const [user] = await invoke(world, bobMain, {
      _: "users.getUsers",
      id: [inputUserOf(world, bobMain.accountId!, ann.id)],
    });
    assert(user._ === "user");
    return user.status;
  };
  assertEquals(await statusSeen(), { _: "userStatusRecently", byMe: false });
  await invoke(world, annMain, { _: "account.updateStatus", offline: false });
  const online = await statusSeen();
  assert(online?._ === "userStatusOnline");
  assert(online.expires > Date.now() / 1000);
  await invoke(world, annMain, { _: "account.updateStatus", offline: true });
  const offline = await statusSeen();
  assert(offline?._ === "userStatusOffline");
  assertEquals(offline.wasOnline, ann.presence!.date);
});

Deno.test("a business connection reaches its bot, which can fetch it again by id", async () => {
  const { world, ann } = await profileSetup();
  const { bot, session: botMain } = await botSession(world, "shop_bot");
  await invoke(world, botMain, { _: "updates.getState" });
  const ctx = { state: world.state, sessions: world.sessions };
  const connection = connectBusinessBot(ctx, {
    userId: ann.id,
    botId: bot.id,
    dcId: 2,
    canReply: true,
  });
  const pushed = pushedUpdates(botMain).find((u) =>
    u._ === "updateBotBusinessConnect"
  );
  assert(pushed?._ === "updateBotBusinessConnect");
  assertEquals(pushed.connection.connectionId, connection.id);
  const fetched = await invoke(world, botMain, {
    _: "account.getBotBusinessConnection",
    connectionId: connection.id,
  });
  assert(fetched._ === "updates");
  const [update] = fetched.updates;
  assert(update._ === "updateBotBusinessConnect");
  assertEquals(update.connection, {
    _: "botBusinessConnection",
    disabled: undefined,
    connectionId: connection.id,
    userId: ann.id,
    dcId: 2,
    date: connection.date,
    rights: { _: "businessBotRights", reply: true },
  });
  assertEquals(fetched.users.map((u) => u.id), [ann.id]);
  assertEquals(
    await rpcError(invoke(world, botMain, {
      _: "account.getBotBusinessConnection",
      connectionId: "no-such-connection",
    })),
    "CONNECTION_ID_INVALID",
  );
  const { session: otherBot } = await botSession(world, "other_bot");
  assertEquals(
    await rpcError(invoke(world, otherBot, {
      _: "account.getBotBusinessConnection",
      connectionId: connection.id,
    })),
    "CONNECTION_ID_INVALID",
  );
});
