/**
 * End to end: sticker sets through MTKruto's dialect. The bot makes a set
 * for Alice from uploaded stickers (createStickerSet), adds, moves and
 * removes stickers, renames the set; Alice reads it with getStickerSet (by
 * slug and by link); the bot deletes it. Each step is checked in the
 * emulator's world (`GET /sticker-sets/:shortName`), each result against
 * types.md's StickerSet and Sticker.
 */
import { assert, assertEquals } from "../assert.ts";
import { webp } from "./_media_samples.ts";
import { type ChatsWorld, withChats } from "./_chats_world.ts";
import { callMethod, callOk } from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** A bot's set names end in `_by_<its username>`. */
const SLUG = "pets_by_e2e_bot";

/** A Sticker as far as this test reads it. */
interface Sticker {
  fileId: string;
  fileUniqueId: string;
  type: string;
  width: number;
  height: number;
  isAnimated: boolean;
  isVideo: boolean;
  emoji?: string;
  setName?: string;
  fileSize: number;
}

/** A StickerSet as types.md describes it. */
interface StickerSet {
  id: string;
  name: string;
  title: string;
  type: string;
  stickers: Sticker[];
  thumbnails: unknown[];
  isAdaptive: boolean;
  canSetAsChannelStatus: boolean;
  isCreator: boolean;
  isOfficial: boolean;
  isArchived: boolean;
}

/** The emulator's view of a set. */
interface ControlStickerSet {
  id: string;
  title: string;
  ownerId: number;
  creatorId: number;
  stickers: { documentId: string; emoji: string[] }[];
}

/** A multipart call: each argument as JSON, with the sticker files as parts. */
function form(args: Record<string, unknown>, files: Record<string, number>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(args)) {
    body.append(name, JSON.stringify(value));
  }
  for (const [field, seed] of Object.entries(files)) {
    body.append(
      field,
      new File([webp(512, 512, seed)], `${field}.webp`, { type: "image/webp" }),
    );
  }
  return body;
}

/** The world's copy of the set, or undefined when it is gone (the control API's 404). */
async function worldSet(
  { dc }: ChatsWorld,
): Promise<ControlStickerSet | undefined> {
  try {
    return await dc.control<ControlStickerSet>("GET", `/sticker-sets/${SLUG}`);
  } catch (error) {
    if (String(error).includes(": 404 ")) return undefined;
    throw error;
  }
}

/** Checks a StickerSet's shape (types.md): every key, each sticker naming the set. */
function assertStickerSetShape(set: StickerSet, title: string) {
  assertEquals(
    Object.keys(set).sort(),
    [
      "canSetAsChannelStatus",
      "id",
      "isAdaptive",
      "isArchived",
      "isCreator",
      "isOfficial",
      "name",
      "stickers",
      "thumbnails",
      "title",
      "type",
    ],
  );
  assertEquals([set.name, set.title, set.type], [SLUG, title, "regular"]);
  assert(/^-?\d+$/.test(set.id), `a decimal id: ${set.id}`);
  assertEquals(
    [set.isAdaptive, set.canSetAsChannelStatus, set.isOfficial, set.isArchived],
    [false, false, false, false],
  );
  for (const sticker of set.stickers) {
    assertEquals(
      [sticker.type, sticker.setName, sticker.width, sticker.height],
      ["regular", SLUG, 512, 512],
    );
    assertEquals([sticker.isAnimated, sticker.isVideo], [false, false]);
    assert(sticker.fileId && sticker.fileUniqueId && sticker.fileSize > 0);
  }
}

Deno.test(
  "dialect: the bot makes and edits a sticker set for Alice; she reads it with getStickerSet",
  options,
  () =>
    withChats(async (world) => {
      const { gateway, bot, userId, userBase } = world;
      const botBase = `/bot${bot.token}`;
      const sticker = (field: string, emoji: string) => ({
        sticker: { _: "file", field },
        emoji,
      });

      const created = await callOk<StickerSet>(
        gateway,
        botBase,
        "createStickerSet",
        form({
          name: "Pets",
          slug: SLUG,
          stickers: [sticker("cat", "😺"), sticker("dog", "🐶")],
          params: { userId },
        }, { cat: 1, dog: 2 }),
      );
      assertStickerSetShape(created, "Pets");
      assertEquals(
        created.isCreator,
        false,
        "the set is Alice's, not the bot's",
      );
      assertEquals(created.stickers.map((s) => s.emoji), ["😺", "🐶"]);
      const made = await worldSet(world);
      assertEquals(
        [made?.id, made?.title, made?.ownerId, made?.creatorId],
        [created.id, "Pets", userId, bot.id],
      );

      assertEquals(
        await callOk(
          gateway,
          botBase,
          "addStickerToStickerSet",
          form({
            slug: SLUG,
            sticker: sticker("fox", "🦊"),
            params: { userId },
          }, { fox: 3 }),
        ),
        null,
      );
      assertEquals(
        (await worldSet(world))?.stickers.map((s) => s.emoji),
        [["😺"], ["🐶"], ["🦊"]],
      );

      const [cat, dog] = created.stickers;
      await callOk(gateway, botBase, "changeStickerPositionInStickerSet", [
        cat.fileId,
        2,
      ]);
      await callOk(gateway, botBase, "removeStickerFromStickerSet", [
        dog.fileId,
      ]);
      await callOk(gateway, botBase, "setStickerSetTitle", [SLUG, "Animals"]);
      const edited = await worldSet(world);
      assertEquals(
        [edited?.title, edited?.stickers.map((s) => s.emoji)],
        ["Animals", [["🦊"], ["😺"]]],
      );

      // Alice reads her set: by slug, and by its link.
      const read = await callOk<StickerSet>(
        gateway,
        userBase,
        "getStickerSet",
        [SLUG],
      );
      assertStickerSetShape(read, "Animals");
      assertEquals(read.isCreator, true, "Alice owns the set");
      assertEquals(
        [read.id, read.stickers.map((s) => s.emoji)],
        [created.id, ["🦊", "😺"]],
      );
      assertEquals(read.stickers[1].fileUniqueId, cat.fileUniqueId);
      const byLink = await callOk<StickerSet>(
        gateway,
        userBase,
        "getStickerSet",
        [`https://t.me/addstickers/${SLUG}`],
      );
      assertEquals(byLink, read);

      await callOk(gateway, botBase, "deleteStickerSet", [SLUG]);
      assertEquals(await worldSet(world), undefined);
      const gone = await callMethod(gateway, userBase, "getStickerSet", [SLUG]);
      assertEquals(
        [gone.status, gone.errorType, gone.body],
        [400, "rpc", "STICKERSET_INVALID"],
      );
    }),
);

Deno.test(
  "dialect: bad sticker set arguments are 400s naming the argument",
  options,
  () =>
    withChats(async ({ gateway, bot, userId, userBase }) => {
      const botBase = `/bot${bot.token}`;
      const cases: [string, string, unknown[], RegExp][] = [
        [
          botBase,
          "getStickerSet",
          [""],
          /Argument 1 of getStickerSet \(slug\)/,
        ],
        [
          userBase,
          "getStickerSet",
          ["https://example.com/addstickers/x"],
          /\(slug\): Invalid sticker set slug or link/,
        ],
        [
          botBase,
          "createStickerSet",
          ["Pets", SLUG, [], { userId }],
          /Argument 3 of createStickerSet \(stickers\)/,
        ],
        [
          botBase,
          "createStickerSet",
          ["Pets", SLUG, [{ sticker: "/tmp/cat.webp", emoji: "😺" }], {
            userId,
          }],
          /Argument 3 of createStickerSet \(stickers\)\[0\]\.sticker/,
        ],
        [
          botBase,
          "addStickerToStickerSet",
          [SLUG, { sticker: "https://example.com/cat.webp", emoji: "😺" }],
          /params\.userId is required for bots/,
        ],
        [
          userBase,
          "addStickerToStickerSet",
          [SLUG, { sticker: "https://example.com/cat.webp", emoji: "😺" }, {
            userId,
          }],
          /params\.userId is bot-only/,
        ],
        [
          botBase,
          "removeStickerFromStickerSet",
          ["not a file id"],
          /Argument 1 of removeStickerFromStickerSet \(fileId\)/,
        ],
        [
          botBase,
          "changeStickerPositionInStickerSet",
          ["x", -1],
          /Argument 1 of changeStickerPositionInStickerSet \(fileId\)/,
        ],
        [
          botBase,
          "setStickerSetTitle",
          [SLUG, ""],
          /Argument 2 of setStickerSetTitle \(title\)/,
        ],
      ];
      for (const [base, method, args, message] of cases) {
        const answer = await callMethod(gateway, base, method, args);
        // An error's body is its message, as a JSON string.
        const text = String(answer.body);
        assertEquals(
          [method, answer.status, answer.errorType],
          [method, 400, "input"],
          text,
        );
        assert(message.test(text), `${method}: ${text}`);
      }
    }),
);
