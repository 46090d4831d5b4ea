import { assert, assertEquals } from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import { sentId } from "./_bots_testing.ts";
import {
  chatSetup,
  pushedUpdates,
  rpcError,
  sendText,
} from "./_chats_testing.ts";
import { inputPeer, invoke, userSession } from "./_testing.ts";
import { createChat } from "./chat_creation.ts";
import { contactsHash, listHash } from "./contacts_book.ts";
import type { World } from "./world.ts";

function inputUser(
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

/** `userId`'s TL user as `session`'s account sees it. */
async function seen(
  world: World,
  session: Parameters<typeof invoke>[1],
  userId: number,
): Promise<tl.RawUser> {
  const [user] = await invoke(world, session, {
    _: "users.getUsers",
    id: [inputUser(world, session.accountId!, userId)],
  });
  assert(user._ === "user");
  return user;
}

Deno.test("a contact carries the name its owner saved, and is mutual once both saved each other", async () => {
  const { world, ann, bob, annMain, bobMain } = await chatSetup("group");
  const added = await invoke(world, annMain, {
    _: "contacts.addContact",
    id: inputUser(world, ann.id, bob.id),
    firstName: "Robert",
    lastName: "B.",
    phone: "+1 555 0101",
  });
  assert(added._ === "updates");
  assertEquals(added.updates.map((u) => u._), ["updatePeerSettings"]);
  const bobSeen = added.users[0];
  assert(bobSeen._ === "user");
  assertEquals(
    [
      bobSeen.firstName,
      bobSeen.lastName,
      bobSeen.contact,
      bobSeen.mutualContact,
    ],
    ["Robert", "B.", true, undefined],
  );
  // Bob still sees himself, and Ann, as before
  assertEquals((await seen(world, bobMain, bob.id)).firstName, "Bob");
  assertEquals((await seen(world, bobMain, ann.id)).contact, undefined);
  // Ann's phone stays hidden until she shares it with a contact
  assertEquals((await seen(world, bobMain, ann.id)).phone, undefined);

  await invoke(world, bobMain, {
    _: "contacts.addContact",
    id: inputUser(world, bob.id, ann.id),
    firstName: "Ann",
    lastName: "",
    phone: "",
    addPhonePrivacyException: true,
  });
  assertEquals((await seen(world, annMain, bob.id)).mutualContact, true);
  assertEquals((await seen(world, annMain, bob.id)).phone, bob.phone);

  const contacts = await invoke(world, annMain, {
    _: "contacts.getContacts",
    hash: Long.ZERO,
  });
  assert(contacts._ === "contacts.contacts");
  assertEquals(contacts.contacts, [{
    _: "contact",
    userId: bob.id,
    mutual: true,
  }]);
  assertEquals(
    await invoke(world, annMain, {
      _: "contacts.getContacts",
      hash: contactsHash(ann),
    }),
    { _: "contacts.contactsNotModified" },
  );

  const deleted = await invoke(world, annMain, {
    _: "contacts.deleteContacts",
    id: [inputUser(world, ann.id, bob.id)],
  });
  assert(deleted._ === "updates");
  const bobAfter = deleted.users[0];
  assert(bobAfter._ === "user");
  assertEquals([bobAfter.firstName, bobAfter.contact], ["Bob", undefined]);
  assertEquals([...ann.contacts.keys()], []);
});

Deno.test("addContact refuses empty names, oneself and bots", async () => {
  const { world, ann, bob, bot, annMain } = await chatSetup("group");
  const add = (userId: number, firstName: string) =>
    invoke(world, annMain, {
      _: "contacts.addContact",
      id: inputUser(world, ann.id, userId),
      firstName,
      lastName: "",
      phone: "",
    });
  assertEquals(await rpcError(add(bot.id, "Bot")), "CONTACT_ID_INVALID");
  assertEquals(await rpcError(add(ann.id, "Me")), "CONTACT_ID_INVALID");
  assertEquals(await rpcError(add(bob.id, "  ")), "CONTACT_NAME_EMPTY");
});

Deno.test("Telegram's list hash matches the documented algorithm", () => {
  assertEquals(listHash([]).toString(), "0");
  assertEquals(listHash([7]).toString(), "7");
  // 7 ^ (7 >>> 21) = 7; 7 ^ (7 << 35) = 240518168583; ^ (that >>> 4) = 255550554119; + 9
  assertEquals(listHash([7, 9]).toString(), "255550554128");
});

Deno.test("a blocked user's messages stay in its own box, and the blocker cannot write to it", async () => {
  const { world, ann, bob, annMain, annOther, bobMain } = await blockSetup();
  assertEquals(
    await invoke(world, annMain, {
      _: "contacts.block",
      id: inputPeer(world, ann.id, bob.id),
    }),
    true,
  );
  const blocked = pushedUpdates(annOther).find((u) =>
    u._ === "updatePeerBlocked"
  );
  assert(blocked?._ === "updatePeerBlocked");
  assertEquals([blocked.blocked, blocked.peerId], [true, {
    _: "peerUser",
    userId: bob.id,
  }]);

  const annBoxBefore = world.state.mailboxes.chat(ann.id, bob.id).length;
  const sent = await sendText(
    world,
    bobMain,
    inputPeer(world, bob.id, ann.id),
    "are you there?",
  );
  assert(sentId(sent) > 0);
  assertEquals(world.state.mailboxes.chat(ann.id, bob.id).length, annBoxBefore);
  assertEquals(
    world.state.mailboxes.chat(bob.id, ann.id).at(-1)?.text,
    "are you there?",
  );
  assertEquals(
    await rpcError(
      sendText(world, annMain, inputPeer(world, ann.id, bob.id), "hi"),
    ),
    "YOU_BLOCKED_USER",
  );
  // Bob no longer sees Ann's status; Ann's full view of Bob says blocked
  assertEquals((await seen(world, bobMain, ann.id)).status, {
    _: "userStatusEmpty",
  });
  const full = await invoke(world, annMain, {
    _: "users.getFullUser",
    id: inputUser(world, ann.id, bob.id),
  });
  assertEquals(full.fullUser.blocked, true);

  const list = await invoke(world, annMain, {
    _: "contacts.getBlocked",
    offset: 0,
    limit: 10,
  });
  assert(list._ === "contacts.blocked");
  assertEquals(list.blocked.map((b) => b.peerId), [{
    _: "peerUser",
    userId: bob.id,
  }]);
  assertEquals(list.users.map((u) => u.id), [bob.id]);

  await invoke(world, annMain, {
    _: "contacts.unblock",
    id: inputPeer(world, ann.id, bob.id),
  });
  await sendText(world, bobMain, inputPeer(world, bob.id, ann.id), "now?");
  assertEquals(world.state.mailboxes.chat(ann.id, bob.id).at(-1)?.text, "now?");
});

Deno.test("a bot its user blocked gets USER_IS_BLOCKED", async () => {
  const { world, ann, bot, botMain, annMain } = await blockSetup();
  await invoke(world, annMain, {
    _: "contacts.block",
    id: inputPeer(world, ann.id, bot.id),
  });
  assertEquals(
    await rpcError(
      sendText(world, botMain, inputPeer(world, bot.id, ann.id), "promo"),
    ),
    "USER_IS_BLOCKED",
  );
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "contacts.block",
      id: { _: "inputPeerSelf" },
    })),
    "CONTACT_ID_INVALID",
  );
});

Deno.test("getBlocked pages with blockedSlice, and the story blocklist is separate", async () => {
  const { world, ann, bob, bot, annMain } = await blockSetup();
  for (const id of [bob.id, bot.id]) {
    await invoke(world, annMain, {
      _: "contacts.block",
      id: inputPeer(world, ann.id, id),
    });
  }
  await invoke(world, annMain, {
    _: "contacts.block",
    myStoriesFrom: true,
    id: inputPeer(world, ann.id, bob.id),
  });
  const page = await invoke(world, annMain, {
    _: "contacts.getBlocked",
    offset: 1,
    limit: 1,
  });
  assert(page._ === "contacts.blockedSlice");
  assertEquals([page.count, page.blocked.length], [2, 1]);
  const stories = await invoke(world, annMain, {
    _: "contacts.getBlocked",
    myStoriesFrom: true,
    offset: 0,
    limit: 10,
  });
  assertEquals(stories.blocked.map((b) => b.peerId), [{
    _: "peerUser",
    userId: bob.id,
  }]);
  // the story blocklist does not stop messages
  assertEquals([...ann.blockedFromStories.keys()], [bob.id]);
});

Deno.test("getCommonChats lists shared groups and supergroups, highest id first, by pages", async () => {
  const { world, ann, bob, annMain, chat: group } = await chatSetup("group");
  const ctx = { state: world.state, sessions: world.sessions };
  const shared = (type: "supergroup" | "channel") =>
    createChat(ctx, {
      type,
      title: type,
      creatorId: ann.id,
      memberIds: [bob.id],
    });
  const supergroup = shared("supergroup");
  shared("channel");
  const common = (maxId: number, limit: number) =>
    invoke(world, annMain, {
      _: "messages.getCommonChats",
      userId: inputUser(world, ann.id, bob.id),
      maxId,
      limit,
    });
  const all = await common(0, 100);
  assert(all._ === "messages.chats");
  assertEquals(all.chats.map((c) => c.id), [supergroup.id, group.id]);
  const first = await common(0, 1);
  assert(first._ === "messages.chatsSlice");
  assertEquals([first.count, first.chats.map((c) => c.id)], [2, [
    supergroup.id,
  ]]);
  const next = await common(supergroup.id, 1);
  assertEquals(next.chats.map((c) => c.id), [group.id]);
  const full = await invoke(world, annMain, {
    _: "users.getFullUser",
    id: inputUser(world, ann.id, bob.id),
  });
  assertEquals(full.fullUser.commonChatsCount, 2);
});

/** Ann (with a second session), Bob and a bot, all subscribed. */
async function blockSetup() {
  const setup = await chatSetup("group");
  const annOther = userSession(setup.ann.id);
  await invoke(setup.world, annOther, { _: "updates.getState" });
  return { ...setup, annOther };
}
