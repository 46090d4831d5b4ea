import { assert, assertEquals } from "../../assert.ts";
import { Long } from "@mtcute/core";
import {
  chatSetup,
  inputChannel,
  pushedUpdates,
  rpcError,
} from "./_chats_testing.ts";
import { inputPeer, invoke, userSession } from "./_testing.ts";
import { createChat } from "./chat_creation.ts";
import { now } from "./emit.ts";
import { checkBirthday } from "./profile_extra.ts";

const STATUS_EMOJI = Long.fromString("5368324170671202286");

/** Ann's own user and full user as Bob sees them. */
async function seenByBob(
  setup: Awaited<ReturnType<typeof chatSetup>>,
) {
  const { world, ann, bob, bobMain } = setup;
  const full = await invoke(world, bobMain, {
    _: "users.getFullUser",
    id: { ...inputPeer(world, bob.id, ann.id), _: "inputUser" },
  });
  const user = full.users.find((candidate) => candidate.id === ann.id);
  assert(user?._ === "user");
  return { full, user };
}

Deno.test("account.updateBirthday sets userFull.birthday, checks the calendar and removes it when absent", async () => {
  const setup = await chatSetup("channel");
  const { world, annMain } = setup;
  assertEquals(
    await invoke(world, annMain, {
      _: "account.updateBirthday",
      birthday: { _: "birthday", day: 29, month: 2, year: 2024 },
    }),
    true,
  );
  assertEquals((await seenByBob(setup)).full.fullUser.birthday, {
    _: "birthday",
    day: 29,
    month: 2,
    year: 2024,
  });
  for (
    const birthday of [
      { day: 29, month: 2, year: 2023 },
      { day: 31, month: 4 },
      { day: 1, month: 1, year: 3000 },
    ]
  ) {
    assertEquals(
      await rpcError(invoke(world, annMain, {
        _: "account.updateBirthday",
        birthday: { _: "birthday", ...birthday },
      })),
      "BIRTHDAY_INVALID",
    );
  }
  // without a year, 29 February is a date
  checkBirthday({ _: "birthday", day: 29, month: 2 }, new Date());
  await invoke(world, annMain, { _: "account.updateBirthday" });
  assertEquals((await seenByBob(setup)).full.fullUser.birthday, undefined);
});

Deno.test("account.updatePersonalChannel shows a channel in userFull (with the channel in chats), refuses supergroups, removes it on inputChannelEmpty", async () => {
  const setup = await chatSetup("channel");
  const { world, ann, annMain, chat } = setup;
  await invoke(world, annMain, {
    _: "account.updatePersonalChannel",
    channel: inputChannel(world, ann.id, chat.key),
  });
  const { full } = await seenByBob(setup);
  assertEquals(full.fullUser.personalChannelId, chat.id);
  assertEquals(full.chats.map((c) => c.id), [chat.id]);

  const supergroup = createChat({
    state: world.state,
    sessions: world.sessions,
  }, { type: "supergroup", title: "Lounge", creatorId: ann.id, memberIds: [] });
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "account.updatePersonalChannel",
      channel: inputChannel(world, ann.id, supergroup.key),
    })),
    "CHANNEL_INVALID",
  );
  await invoke(world, annMain, {
    _: "account.updatePersonalChannel",
    channel: { _: "inputChannelEmpty" },
  });
  const removed = (await seenByBob(setup)).full;
  assertEquals([removed.fullUser.personalChannelId, removed.chats], [
    undefined,
    [],
  ]);
});

Deno.test("account.updateEmojiStatus shows on user.emoji_status until it expires, tells the other sessions, and refuses collectibles", async () => {
  const setup = await chatSetup("channel");
  const { world, ann, annMain } = setup;
  const annOther = userSession(ann.id);
  await invoke(world, annOther, { _: "updates.getState" });
  const until = now() + 60;
  await invoke(world, annMain, {
    _: "account.updateEmojiStatus",
    emojiStatus: { _: "emojiStatus", documentId: STATUS_EMOJI, until },
  });
  assertEquals((await seenByBob(setup)).user.emojiStatus, {
    _: "emojiStatus",
    documentId: STATUS_EMOJI,
    until,
  });
  assertEquals(
    pushedUpdates(annOther).map((update) => update._),
    ["updateUserEmojiStatus"],
  );
  // the caller learns from its result instead
  assertEquals(
    pushedUpdates(annMain).filter((update) =>
      update._ === "updateUserEmojiStatus"
    ),
    [],
  );
  // an expired status is no status
  ann.extras!.emojiStatus!.until = now() - 1;
  assertEquals((await seenByBob(setup)).user.emojiStatus, undefined);
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "account.updateEmojiStatus",
      emojiStatus: { _: "emojiStatus", documentId: STATUS_EMOJI, until: 1 },
    })),
    "EMOJI_STATUS_INVALID",
  );
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "account.updateEmojiStatus",
      emojiStatus: {
        _: "inputEmojiStatusCollectible",
        collectibleId: Long.fromNumber(7),
      },
    })),
    "COLLECTIBLE_INVALID",
  );
  await invoke(world, annMain, {
    _: "account.updateEmojiStatus",
    emojiStatus: { _: "emojiStatusEmpty" },
  });
  assertEquals(ann.extras?.emojiStatus, undefined);
});

Deno.test("account.updateColor sets user.color or user.profile_color, checks the palette and resets when absent", async () => {
  const setup = await chatSetup("channel");
  const { world, annMain } = setup;
  await invoke(world, annMain, {
    _: "account.updateColor",
    color: { _: "peerColor", color: 4, backgroundEmojiId: STATUS_EMOJI },
  });
  await invoke(world, annMain, {
    _: "account.updateColor",
    forProfile: true,
    color: { _: "peerColor", color: 2 },
  });
  const { user } = await seenByBob(setup);
  assertEquals([user.color, user.profileColor], [
    { _: "peerColor", color: 4, backgroundEmojiId: STATUS_EMOJI },
    { _: "peerColor", color: 2 },
  ]);
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "account.updateColor",
      color: { _: "peerColor", color: 21 },
    })),
    "COLOR_INVALID",
  );
  await invoke(world, annMain, { _: "account.updateColor", forProfile: true });
  assertEquals((await seenByBob(setup)).user.profileColor, undefined);
});

Deno.test("account.updateNotifySettings replaces a peer's settings, shows them in userFull and to getNotifySettings, tells the other sessions; resetNotifySettings clears them", async () => {
  const setup = await chatSetup("channel");
  const { world, ann, bob, annMain } = setup;
  const annOther = userSession(ann.id);
  await invoke(world, annOther, { _: "updates.getState" });
  const bobPeer = inputPeer(world, ann.id, bob.id);
  const target = { _: "inputNotifyPeer", peer: bobPeer } as const;
  await invoke(world, annMain, {
    _: "account.updateNotifySettings",
    peer: target,
    settings: {
      _: "inputPeerNotifySettings",
      silent: true,
      muteUntil: 100,
      sound: { _: "notificationSoundNone" },
    },
  });
  await invoke(world, annMain, {
    _: "account.updateNotifySettings",
    peer: target,
    settings: { _: "inputPeerNotifySettings", muteUntil: 200 },
  });
  const stored = {
    _: "peerNotifySettings" as const,
    muteUntil: 200,
  };
  assertEquals(
    definedKeys(
      await invoke(world, annMain, {
        _: "account.getNotifySettings",
        peer: target,
      }),
    ),
    stored,
  );
  const full = await invoke(world, annMain, {
    _: "users.getFullUser",
    id: { ...bobPeer, _: "inputUser" },
  });
  assertEquals(definedKeys(full.fullUser.notifySettings), stored);
  const pushed = pushedUpdates(annOther).filter((update) =>
    update._ === "updateNotifySettings"
  );
  assertEquals(pushed.length, 2);
  assertEquals(pushed[0]._ === "updateNotifySettings" && pushed[0].peer, {
    _: "notifyPeer",
    peer: { _: "peerUser", userId: bob.id },
  });
  // the scope defaults are kept apart from the peer's
  assertEquals(
    await invoke(world, annMain, {
      _: "account.getNotifySettings",
      peer: { _: "inputNotifyUsers" },
    }),
    { _: "peerNotifySettings" },
  );
  await invoke(world, annMain, { _: "account.resetNotifySettings" });
  assertEquals(
    await invoke(world, annMain, {
      _: "account.getNotifySettings",
      peer: target,
    }),
    { _: "peerNotifySettings" },
  );
});

/** The settings without the keys left unset. */
function definedKeys(settings: object): object {
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  );
}
