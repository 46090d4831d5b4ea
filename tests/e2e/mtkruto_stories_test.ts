/**
 * End to end: the story methods of MTKruto's dialect against the real CLI
 * and the DC emulator. Alice, hosted on the gateway, posts a photo and a
 * video story with createStory (multipart uploads), fetches them with
 * getStories / getStory, edits one, puts them on her profile and takes
 * them off again (addStor…ToHighlights / removeStor…FromHighlights) and
 * deletes them; the emulator holds each change. Bob, hosted on the gateway
 * too and Alice's contact, gets each new story as a `story` update and each
 * deletion as `deletedStory`. Bad arguments are 400s naming them; bots are
 * refused.
 */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { addUser } from "./_add_user.ts";
import { type ChatsWorld, ok, withChats } from "./_chats_world.ts";
import { callMethod, callOk, nextUpdates } from "./_dialect_calls.ts";
import { jpeg, mp4 } from "./_media_samples.ts";
import type { WireUpdate } from "./harness.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** A story as the emulator's control API shows it. */
interface ControlStory {
  id: number;
  pinned: boolean;
  edited: boolean;
  caption: string;
  media: "photo" | "video";
  privacy: string[];
}

/** The parts of MTKruto's Story (types.md §13) these tests look at. */
interface Story {
  isOutgoing: boolean;
  id: number;
  chat: { id: number; type: string };
  date: number;
  content: {
    type: string;
    photo?: { fileId: string; width: number; height: number };
    video?: { fileId: string; duration: number; fileName?: string };
  };
  isEdited: boolean;
  interactiveAreas: unknown[];
  isHighlighted: boolean;
  interactions?: { views: number; forwards: number };
  privacy?: { type: string; except?: number[] };
  caption?: string;
  captionEntities?: { type: string; offset: number; length: number }[];
}

/** Alice's stories as the emulator holds them. */
function storiesOf(world: ChatsWorld): Promise<ControlStory[]> {
  return world.dc.control<ControlStory[]>(
    "GET",
    `/stories?user=${world.userId}`,
  );
}

/** Alice posts a story of `content` (its file as the multipart part `media`) with `params`. */
async function createStory(
  world: ChatsWorld,
  content: Record<string, unknown>,
  file: File,
  params: Record<string, unknown> = {},
): Promise<Story> {
  const form = new FormData();
  form.append("chatId", JSON.stringify("me"));
  form.append("content", JSON.stringify(content));
  form.append("params", JSON.stringify(params));
  form.append("media", file);
  return await callOk<Story>(
    world.gateway,
    world.userBase,
    "createStory",
    form,
  );
}

/** Alice calls a method answering null (void). */
async function alice(world: ChatsWorld, method: string, args: unknown[]) {
  assertEquals(
    await ok<null>(world.gateway, world.userBase, method, args),
    null,
  );
}

/** A refusal of Alice's call: its status, error type and message. */
async function refusal(world: ChatsWorld, method: string, args: unknown[]) {
  const { status, errorType, body } = await callMethod(
    world.gateway,
    world.userBase,
    method,
    args,
  );
  return { status, errorType, error: String(body) };
}

/** Bob's update stream: `take` waits for the first update that matches. */
class Updates {
  readonly #pending: WireUpdate[] = [];
  constructor(readonly world: ChatsWorld, readonly base: string) {}

  async take(matches: (update: WireUpdate) => boolean): Promise<WireUpdate> {
    for (let poll = 0; poll < 4; poll++) {
      const index = this.#pending.findIndex(matches);
      if (index !== -1) return this.#pending.splice(index, 1)[0];
      this.#pending.push(
        ...await nextUpdates(this.world.gateway, this.base, 5),
      );
    }
    throw new Error(`no such update; got ${JSON.stringify(this.#pending)}`);
  }
}

const photoContent = { type: "photo", photo: { _: "file", field: "media" } };
const photoFile = () =>
  new File([jpeg(64, 48)], "story.jpg", { type: "image/jpeg" });

/** Bob, hosted on the gateway, with Alice as his contact (he follows her stories); his endpoint. */
async function hostBob(world: ChatsWorld): Promise<string> {
  await world.dc.control("POST", "/users", {
    phone: "15550002",
    firstName: "Bob",
    username: "bobby",
  });
  const bobBase = `/${await addUser(
    world.dc,
    world.gateway.dataDir,
    "15550002",
  )}`;
  await ok(world.gateway, bobBase, "addContact", ["@alice", "Alice"]);
  return bobBase;
}

Deno.test(
  "createStory posts a story that getStories, the emulator and a contact see",
  options,
  async () => {
    await withChats(async (world) => {
      const bobBase = await hostBob(world);
      const bob = new Updates(world, bobBase);
      const posted = await createStory(world, photoContent, photoFile(), {
        caption: "*Hello* there",
        parseMode: "Markdown",
        highlight: true,
      });
      assertEquals(
        {
          isOutgoing: posted.isOutgoing,
          id: posted.id,
          chat: [posted.chat.id, posted.chat.type],
          contentType: posted.content.type,
          isEdited: posted.isEdited,
          interactiveAreas: posted.interactiveAreas,
          isHighlighted: posted.isHighlighted,
          interactions: posted.interactions,
          privacy: posted.privacy,
          caption: posted.caption,
          captionEntities: posted.captionEntities,
        },
        {
          isOutgoing: true,
          id: 1,
          chat: [world.userId, "private"],
          contentType: "photo",
          isEdited: false,
          interactiveAreas: [],
          isHighlighted: true,
          interactions: { views: 0, forwards: 0 },
          privacy: { type: "everyone", except: [] },
          caption: "Hello there",
          captionEntities: [{ type: "bold", offset: 0, length: 5 }],
        },
      );
      assertEquals(
        [posted.content.photo!.width, posted.content.photo!.height],
        [64, 48],
      );
      assert(Math.abs(posted.date - Date.now() / 1000) < 60);
      assertEquals(await storiesOf(world), [{
        id: 1,
        date: posted.date,
        expireDate: posted.date + 86400,
        pinned: true,
        edited: false,
        noforwards: false,
        caption: "Hello there",
        media: "photo",
        privacy: ["privacyValueAllowAll"],
      }] as unknown as ControlStory[]);

      const seen = await bob.take((u) => u.type === "story");
      const story = seen.story as Story;
      assertEquals(
        [story.isOutgoing, story.id, story.chat.id, story.privacy],
        [false, 1, world.userId, undefined],
      );
      assertEquals(story.content.photo!.fileId, posted.content.photo!.fileId);

      const video = await createStory(
        world,
        { type: "video", video: { _: "file", field: "media" }, duration: 3 },
        new File([mp4()], "clip.mp4", { type: "video/mp4" }),
        { privacy: { type: "contacts", except: [] } },
      );
      assertEquals(
        [video.id, video.content.type, video.content.video?.duration],
        [2, "video", 3],
      );
      assertEquals(video.content.video?.fileName, undefined);
      assertEquals(video.privacy, { type: "contacts", except: [] });

      // a story's photo file id posts the photo again (the gateway reads it back)
      const again = await ok<Story>(
        world.gateway,
        world.userBase,
        "createStory",
        [
          "me",
          { type: "photo", photo: posted.content.photo!.fileId },
        ],
      );
      assertEquals(
        [again.id, again.content.photo?.fileId],
        [3, posted.content.photo!.fileId],
      );

      const fetched = await ok<Story[]>(
        world.gateway,
        world.userBase,
        "getStories",
        ["me", [2, 1, 99]],
      );
      assertEquals(fetched.map((s) => [s.id, s.content.type]), [
        [2, "video"],
        [1, "photo"],
      ]);
      assertEquals(
        await ok(world.gateway, world.userBase, "getStories", ["me", []]),
        [],
      );
      assertEquals(
        await ok(world.gateway, world.userBase, "getStory", ["me", 99]),
        null,
      );
      // Bob is Alice's contact only in his book, not in hers: her contacts-only story is hers alone
      const bobSees = await ok<Story[]>(world.gateway, bobBase, "getStories", [
        "@alice",
        [1, 2],
      ]);
      assertEquals(bobSees.map((s) => [s.id, s.isOutgoing]), [[1, false]]);
    });
  },
);

Deno.test(
  "highlights, editStory and deletion change the emulator's stories; the contact hears of deletions",
  options,
  async () => {
    await withChats(async (world) => {
      const bobBase = await hostBob(world);
      const bob = new Updates(world, bobBase);
      await createStory(world, photoContent, photoFile());
      await createStory(world, photoContent, photoFile());
      const pinned = async () =>
        (await storiesOf(world)).map((story) => [story.id, story.pinned]);
      assertEquals(await pinned(), [[1, false], [2, false]]);

      await alice(world, "addStoryToHighlights", ["me", 1]);
      assertEquals(await pinned(), [[1, true], [2, false]]);
      const highlighted = await ok<Story>(
        world.gateway,
        world.userBase,
        "getStory",
        ["me", 1],
      );
      assertEquals(highlighted.isHighlighted, true);
      await alice(world, "addStoriesToHighlights", ["me", [1, 2]]);
      assertEquals(await pinned(), [[1, true], [2, true]]);
      await alice(world, "removeStoryFromHighlights", ["me", 2]);
      assertEquals(await pinned(), [[1, true], [2, false]]);
      await alice(world, "removeStoriesFromHighlights", ["me", [1, 2]]);
      assertEquals(await pinned(), [[1, false], [2, false]]);

      const edited = await ok<Story>(
        world.gateway,
        world.userBase,
        "editStory",
        [
          "me",
          1,
          { caption: "now with words" },
        ],
      );
      assertEquals([edited.id, edited.isEdited, edited.caption], [
        1,
        true,
        "now with words",
      ]);
      const [first] = await storiesOf(world);
      assertEquals([first.edited, first.caption], [true, "now with words"]);
      const form = new FormData();
      form.append("chatId", JSON.stringify("me"));
      form.append("storyId", "1");
      form.append(
        "params",
        JSON.stringify({
          content: {
            type: "video",
            video: { _: "file", field: "clip" },
            duration: 2,
          },
        }),
      );
      form.append("clip", new File([mp4()], "clip.mp4", { type: "video/mp4" }));
      const recut = await callOk<Story>(
        world.gateway,
        world.userBase,
        "editStory",
        form,
      );
      assertEquals(
        [recut.content.type, recut.content.video?.duration, recut.caption],
        ["video", 2, "now with words"],
      );
      assertEquals((await storiesOf(world))[0].media, "video");

      await alice(world, "deleteStory", ["me", 2]);
      assertEquals((await storiesOf(world)).map((s) => s.id), [1]);
      const gone = await bob.take((u) => u.type === "deletedStory");
      assertEquals(gone.deletedStory, { chatId: world.userId, storyId: 2 });
      await alice(world, "deleteStories", ["me", [1]]);
      assertEquals(await storiesOf(world), []);
      const alsoGone = await bob.take((u) => u.type === "deletedStory");
      assertEquals(alsoGone.deletedStory, { chatId: world.userId, storyId: 1 });
    });
  },
);

Deno.test(
  "bad story arguments are 400s naming them; bots are refused",
  options,
  async () => {
    await withChats(async (world) => {
      const cases: [string, unknown[], RegExp][] = [
        ["getStory", ["me", 0], /^Argument 2 of getStory \(storyId\) must be/],
        [
          "deleteStories",
          ["me", []],
          /^Argument 2 of deleteStories \(storyIds\) must be a non-empty array of story ids/,
        ],
        [
          "addStoriesToHighlights",
          ["me", [1, "2"]],
          /^Argument 2 of addStoriesToHighlights \(storyIds\)\[1\] must be/,
        ],
        [
          "createStory",
          ["me", { type: "photo", photo: "https://example.com/a.jpg" }],
          /^Argument 2 of createStory \(content\)\.photo: URL not supported/,
        ],
        [
          "createStory",
          ["me", { type: "gif", gif: "x" }],
          /^Argument 2 of createStory \(content\)\.type must be one of "photo" or "video"/,
        ],
        [
          "createStory",
          ["me", { type: "photo", photo: "AgAD" }, {
            interactiveAreas: [],
          }],
          /^params\.interactiveAreas is not supported by this server/,
        ],
        [
          "editStory",
          ["me", 1, { privacy: { type: "only", only: [] } }],
          /^params\.privacy\.only must be a non-empty array of user ids/,
        ],
      ];
      for (const [method, args, error] of cases) {
        const answer = await refusal(world, method, args);
        assertEquals([method, answer.status, answer.errorType], [
          method,
          400,
          "input",
        ]);
        assertMatch(answer.error, error);
      }
      const bot = await callMethod(
        world.gateway,
        `/bot${world.bot.token}`,
        "getStories",
        [world.userId, [1]],
      );
      assertEquals([bot.status, bot.errorType, bot.body], [
        400,
        "input",
        "getStories: not a user client.",
      ]);
    });
  },
);
