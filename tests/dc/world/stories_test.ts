import { Long, type tl } from "@mtcute/core";
import { assert, assertEquals } from "../../assert.ts";
import { pushedUpdates, rpcError } from "./_chats_testing.ts";
import {
  type FakeSession,
  inputPeer,
  invoke,
  userSession,
} from "./_testing.ts";
import { World } from "./world.ts";

/** Ann posts; Bob saved her as a contact; Cy did not. Each has a subscribed session. */
async function storyWorld() {
  const world = new World();
  const [ann, bob, cy] = ["Ann", "Bob", "Cy"].map((firstName, index) =>
    world.state.accounts.createUser({ phone: `1555010${index}`, firstName })
  );
  bob.contacts.set(ann.id, {
    firstName: "Ann",
    lastName: "",
    phone: "",
    sharesPhone: false,
  });
  const sessions = [ann, bob, cy].map((user) => userSession(user.id));
  for (const session of sessions) {
    await invoke(world, session, { _: "updates.getState" });
  }
  const [annMain, bobMain, cyMain] = sessions;
  const photo = (): tl.TypeInputMedia => {
    const stored = world.state.files.addPhoto({
      bytes: new Uint8Array(),
      date: 0,
    }).tl;
    return {
      _: "inputMediaPhoto",
      id: {
        _: "inputPhoto",
        id: stored.id,
        accessHash: stored.accessHash,
        fileReference: stored.fileReference,
      },
    };
  };
  const post = (
    rules: tl.TypeInputPrivacyRule[] = [{ _: "inputPrivacyValueAllowAll" }],
    extra: Partial<tl.stories.RawSendStoryRequest> = {},
  ) =>
    invoke(world, annMain, {
      _: "stories.sendStory",
      peer: { _: "inputPeerSelf" },
      media: photo(),
      privacyRules: rules,
      randomId: Long.fromNumber(Math.floor(Math.random() * 2 ** 52)),
      ...extra,
    });
  const fetch = (session: FakeSession, viewerId: number, ids: number[]) =>
    invoke(world, session, {
      _: "stories.getStoriesByID",
      peer: inputPeer(world, viewerId, ann.id),
      id: ids,
    });
  return { world, ann, bob, cy, annMain, bobMain, cyMain, post, fetch };
}

function storyUpdates(session: FakeSession): tl.RawUpdateStory[] {
  return pushedUpdates(session).filter((u): u is tl.RawUpdateStory =>
    u._ === "updateStory"
  );
}

Deno.test("stories.sendStory answers the poster's story; followers who may see it get updateStory", async () => {
  const { bob, cy, bobMain, cyMain, post, fetch } = await storyWorld();
  const sent = await post();
  assert(sent._ === "updates");
  assertEquals(sent.updates.map((u) => u._), ["updateStoryID", "updateStory"]);
  const own = sent.updates[1] as tl.RawUpdateStory;
  assert(own.story._ === "storyItem");
  assertEquals([own.story.id, own.story.out, own.story.public], [
    1,
    true,
    true,
  ]);
  assertEquals(own.story.privacy, [{ _: "privacyValueAllowAll" }]);
  const [pushed] = storyUpdates(bobMain);
  assert(pushed?.story._ === "storyItem");
  assertEquals([pushed.story.out, pushed.story.privacy], [
    undefined,
    undefined,
  ]);
  // Cy did not save Ann: nothing is pushed, but a public story can be fetched
  assertEquals(storyUpdates(cyMain), []);
  assertEquals((await fetch(cyMain, cy.id, [1, 5])).stories.map((s) => s.id), [
    1,
  ]);
  assertEquals((await fetch(bobMain, bob.id, [1])).count, 1);
});

Deno.test("a contacts-only story is for the poster's contacts; privacy users must resolve", async () => {
  const { world, ann, bob, bobMain, post, fetch } = await storyWorld();
  await post([{ _: "inputPrivacyValueAllowContacts" }]);
  // Bob saved Ann, but Ann did not save Bob
  assertEquals(storyUpdates(bobMain), []);
  assertEquals((await fetch(bobMain, bob.id, [1])).stories, []);
  ann.contacts.set(bob.id, {
    firstName: "Bob",
    lastName: "",
    phone: "",
    sharesPhone: false,
  });
  assertEquals((await fetch(bobMain, bob.id, [1])).stories.length, 1);
  assertEquals(
    await rpcError(post([{
      _: "inputPrivacyValueAllowUsers",
      users: [{ _: "inputUser", userId: bob.id, accessHash: Long.ZERO }],
    }])),
    "USER_ID_INVALID",
  );
  assertEquals(
    await rpcError(post([{ _: "inputPrivacyValueAllowPremium" }])),
    "PRIVACY_VALUE_INVALID",
  );
  assert(world.state.stories.of(ann.id).length === 1);
});

Deno.test("stories.sendStory refuses other periods and documents that are no videos; unknown ids are STORY_ID_INVALID", async () => {
  const { world, annMain, post } = await storyWorld();
  assertEquals(
    await rpcError(post(undefined, { period: 3600 })),
    "STORY_PERIOD_INVALID",
  );
  const document = world.state.files.addDocument({
    bytes: new Uint8Array(4),
    mimeType: "application/pdf",
    attributes: [],
    date: 0,
  }).tl;
  assertEquals(
    await rpcError(post(undefined, {
      media: {
        _: "inputMediaDocument",
        id: {
          _: "inputDocument",
          id: document.id,
          accessHash: document.accessHash,
          fileReference: document.fileReference,
        },
      },
    })),
    "MEDIA_INVALID",
  );
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "stories.togglePinned",
      peer: { _: "inputPeerSelf" },
      id: [9],
      pinned: true,
    })),
    "STORY_ID_INVALID",
  );
});

Deno.test("togglePinned and deleteStories: the ids changed; followers see deletions as storyItemDeleted", async () => {
  const { world, ann, annMain, bobMain, post } = await storyWorld();
  await post();
  await post();
  assertEquals(
    await invoke(world, annMain, {
      _: "stories.togglePinned",
      peer: { _: "inputPeerSelf" },
      id: [2],
      pinned: true,
    }),
    [2],
  );
  assertEquals(world.state.stories.of(ann.id).map((s) => s.pinned), [
    false,
    true,
  ]);
  assertEquals(
    await invoke(world, annMain, {
      _: "stories.deleteStories",
      peer: { _: "inputPeerSelf" },
      id: [1, 7],
    }),
    [1],
  );
  assertEquals(world.state.stories.of(ann.id).map((s) => s.id), [2]);
  assertEquals(
    storyUpdates(bobMain).map((u) => `${u.story._}:${u.story.id}`),
    ["storyItem:1", "storyItem:2", "storyItemDeleted:1"],
  );
  assertEquals(
    await rpcError(invoke(world, annMain, {
      _: "stories.deleteStories",
      peer: { _: "inputPeerSelf" },
      id: [],
    })),
    "STORY_ID_EMPTY",
  );
});
