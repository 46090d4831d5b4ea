/** Sticker sets: `stickers.createStickerSet` from uploaded documents, `messages.getStickerSet`, and sending a set's sticker. */
import type { tl } from "@mtcute/core";
import { assert, assertEquals, assertThrows } from "../../assert.ts";
import { RpcFailure } from "../contract.ts";
import { pngHeader, sendMedia } from "./_bots_testing.ts";
import { rpcError } from "./_chats_testing.ts";
import { invoke } from "./_testing.ts";
import { stickerSetsOf } from "./sticker_sets.ts";
import {
  inputDocument,
  stickerSetup,
  uploadDocument,
  webpHeader,
} from "./_sticker_sets_testing.ts";

/** The sticker attribute of a document, failing the test without one. */
function stickerAttribute(
  document: tl.TypeDocument,
): tl.RawDocumentAttributeSticker {
  assert(document._ === "document");
  const attribute = document.attributes.find((a) =>
    a._ === "documentAttributeSticker"
  );
  assert(attribute?._ === "documentAttributeSticker");
  return attribute;
}

Deno.test("createStickerSet: a bot makes a set for a user; each sticker is a new document whose attribute references the set by id", async () => {
  const { create, webp, userMain, world } = await stickerSetup();
  const created = await create();
  assert(created._ === "messages.stickerSet");
  const { set } = created;
  assertEquals(
    [set.title, set.shortName, set.count, set.creator, set.masks],
    ["Cats", "cats_by_keys_bot", 1, undefined, undefined],
  );
  const [document] = created.documents;
  assert(document._ === "document");
  assert(!document.id.eq(webp.id), "a new document, not the upload");
  assertEquals(document.mimeType, "image/webp");
  assertEquals(stickerAttribute(document), {
    _: "documentAttributeSticker",
    alt: "😺",
    stickerset: {
      _: "inputStickerSetID",
      id: set.id,
      accessHash: set.accessHash,
    },
    mask: undefined,
    maskCoords: undefined,
  });
  assertEquals(
    document.attributes.find((a) => a._ === "documentAttributeImageSize"),
    { _: "documentAttributeImageSize", w: 512, h: 512 },
  );
  assertEquals(created.packs, [
    { _: "stickerPack", emoticon: "😺", documents: [document.id] },
    { _: "stickerPack", emoticon: "😀", documents: [document.id] },
  ]);
  assertEquals(created.keywords, [{
    _: "stickerKeyword",
    documentId: document.id,
    keyword: ["cat", "smile"],
  }]);

  // The owner reads it by id or by short name (any case) and sees itself as its creator.
  const byId = await invoke(world, userMain, {
    _: "messages.getStickerSet",
    stickerset: {
      _: "inputStickerSetID",
      id: set.id,
      accessHash: set.accessHash,
    },
    hash: 0,
  });
  const byName = await invoke(world, userMain, {
    _: "messages.getStickerSet",
    stickerset: {
      _: "inputStickerSetShortName",
      shortName: "Cats_By_Keys_Bot",
    },
    hash: 0,
  });
  assertEquals(byId, byName);
  assert(byId._ === "messages.stickerSet");
  assertEquals(byId.set.creator, true);
  assertEquals(byId.documents, created.documents);
});

Deno.test("getStickerSet: the held hash answers stickerSetNotModified; a wrong access hash or an unknown name is STICKERSET_INVALID", async () => {
  const { create, world, userMain } = await stickerSetup();
  const created = await create();
  assert(created._ === "messages.stickerSet");
  const { id, accessHash, hash } = created.set;
  const get = (stickerset: tl.TypeInputStickerSet, held = 0) =>
    invoke(world, userMain, {
      _: "messages.getStickerSet",
      stickerset,
      hash: held,
    });
  assertEquals(
    await get({ _: "inputStickerSetID", id, accessHash }, hash),
    { _: "messages.stickerSetNotModified" },
  );
  assertEquals(
    (await get({ _: "inputStickerSetID", id, accessHash }, hash + 1))._,
    "messages.stickerSet",
  );
  assertEquals(
    await rpcError(
      get({ _: "inputStickerSetID", id, accessHash: accessHash.add(1) }),
    ),
    "STICKERSET_INVALID",
  );
  assertEquals(
    await rpcError(
      get({ _: "inputStickerSetShortName", shortName: "dogs_by_keys_bot" }),
    ),
    "STICKERSET_INVALID",
  );
  assertEquals(
    await rpcError(get({ _: "inputStickerSetEmpty" })),
    "STICKERSET_INVALID",
  );
});

Deno.test("a set's sticker sent by its inputDocument keeps the attribute that references the set", async () => {
  const { create, world, botMain, userPeer, user, bot } = await stickerSetup();
  const created = await create();
  assert(created._ === "messages.stickerSet");
  const [document] = created.documents;
  assert(document._ === "document");
  await sendMedia(world, botMain, userPeer, {
    _: "inputMediaDocument",
    id: inputDocument(document),
  });
  const media = world.state.mailboxes.chat(user.id, bot.id).at(-1)!.media!;
  assert(media._ === "messageMediaDocument" && media.document);
  assertEquals(stickerAttribute(media.document).stickerset, {
    _: "inputStickerSetID",
    id: created.set.id,
    accessHash: created.set.accessHash,
  });
});

Deno.test("createStickerSet refuses what Telegram refuses, and a refused set is not stored", async () => {
  const { create, upload, webp, world, userMain, owner } = await stickerSetup();
  const item = (
    overrides: Partial<tl.RawInputStickerSetItem> = {},
  ): tl.RawInputStickerSetItem => ({
    _: "inputStickerSetItem",
    document: inputDocument(webp),
    emoji: "😺",
    ...overrides,
  });
  const refusals: [Partial<tl.stickers.RawCreateStickerSetRequest>, string][] =
    [
      [{ shortName: "cats" }, "PACK_SHORT_NAME_INVALID"],
      [{ shortName: "cats_by_other_bot" }, "PACK_SHORT_NAME_INVALID"],
      [{ shortName: "cats__x_by_keys_bot" }, "PACK_SHORT_NAME_INVALID"],
      [{ shortName: "1cats_by_keys_bot" }, "PACK_SHORT_NAME_INVALID"],
      [{ title: " " }, "PACK_TITLE_INVALID"],
      [{ title: "x".repeat(65) }, "PACK_TITLE_INVALID"],
      [{ masks: true, emojis: true }, "PACK_TYPE_INVALID"],
      [{ stickers: [] }, "STICKERS_EMPTY"],
      [{ stickers: [item({ emoji: "cat" })] }, "STICKER_EMOJI_INVALID"],
      [{ stickers: [item({ emoji: "" })] }, "STICKER_EMOJI_INVALID"],
      [
        { stickers: [item({ document: { _: "inputDocumentEmpty" } })] },
        "STICKER_FILE_INVALID",
      ],
      [
        {
          stickers: [item({
            document: { ...inputDocument(webp), accessHash: webp.id },
          })],
        },
        "DOCUMENT_INVALID",
      ],
      [
        {
          stickers: [item({
            document: inputDocument(
              await upload(pngHeader(300, 300), "image/png"),
            ),
          })],
        },
        "STICKER_PNG_DIMENSIONS",
      ],
      [
        {
          stickers: [item({
            document: inputDocument(
              await upload(new Uint8Array(64), "application/pdf"),
            ),
          })],
        },
        "STICKER_FILE_INVALID",
      ],
      [
        // An emoji set's static stickers are 100×100.
        { emojis: true },
        "STICKER_PNG_DIMENSIONS",
      ],
      [
        // Only users own sets: the bot cannot make one for itself.
        { userId: { _: "inputUserSelf" } },
        "USER_ID_INVALID",
      ],
      [
        { userId: { ...owner, accessHash: owner.accessHash.add(1) } },
        "USER_ID_INVALID",
      ],
    ];
  for (const [overrides, error] of refusals) {
    assertEquals(
      [overrides, await rpcError(create(overrides))],
      [overrides, error],
    );
  }
  assertEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.getStickerSet",
      stickerset: {
        _: "inputStickerSetShortName",
        shortName: "cats_by_keys_bot",
      },
      hash: 0,
    })),
    "STICKERSET_INVALID",
  );
  await create();
  assertEquals(
    await rpcError(create({ shortName: "CATS_by_keys_bot" })),
    "PACK_SHORT_NAME_OCCUPIED",
  );
});

Deno.test("a user makes sets for itself only; masks keep their coordinates; emoji sets name the set in the custom emoji attribute; a reset forgets every set", async () => {
  const { create, world, userMain, user, upload } = await stickerSetup();
  const other = world.state.accounts.createUser({
    phone: "15550199",
    firstName: "Cy",
  });
  const mine = await uploadDocument(
    world,
    userMain,
    { _: "inputPeerSelf" },
    webpHeader(512, 300),
    "image/webp",
    "mine.webp",
  );
  const item: tl.RawInputStickerSetItem = {
    _: "inputStickerSetItem",
    document: inputDocument(mine),
    emoji: "🙂",
    maskCoords: { _: "maskCoords", n: 1, x: 0.5, y: -0.25, zoom: 1.5 },
  };
  assertEquals(
    await rpcError(create({
      userId: {
        _: "inputUser",
        userId: other.id,
        accessHash: world.state.accounts.accessHash(user.id, other.id),
      },
      shortName: "faces",
      stickers: [item],
    }, userMain)),
    "USER_ID_INVALID",
  );
  const masks = await create({
    userId: { _: "inputUserSelf" },
    shortName: "faces",
    masks: true,
    stickers: [item],
  }, userMain);
  assert(masks._ === "messages.stickerSet");
  assertEquals([masks.set.masks, masks.set.creator], [true, true]);
  const attribute = stickerAttribute(masks.documents[0]);
  assertEquals([attribute.mask, attribute.maskCoords], [true, item.maskCoords]);

  // Custom emoji sets take 100×100 images and name the set in the custom emoji attribute.
  const emoji = await create({
    shortName: "dots_by_keys_bot",
    emojis: true,
    textColor: true,
    stickers: [{
      _: "inputStickerSetItem",
      document: inputDocument(await upload(webpHeader(100, 100))),
      emoji: "🔴",
    }],
  });
  assert(emoji._ === "messages.stickerSet");
  assertEquals([emoji.set.emojis, emoji.set.textColor], [true, true]);
  const [dot] = emoji.documents;
  assert(dot._ === "document");
  assertEquals(
    dot.attributes.find((a) => a._ === "documentAttributeCustomEmoji"),
    {
      _: "documentAttributeCustomEmoji",
      alt: "🔴",
      stickerset: {
        _: "inputStickerSetID",
        id: emoji.set.id,
        accessHash: emoji.set.accessHash,
      },
      textColor: true,
    },
  );

  // Sets belong to the state a reset replaces.
  assertEquals((await create())._, "messages.stickerSet");
  world.reset();
  const forgotten = assertThrows(
    () =>
      stickerSetsOf(world.state).find({
        _: "inputStickerSetShortName",
        shortName: "faces",
      }),
    RpcFailure,
  );
  assertEquals(forgotten.text, "STICKERSET_INVALID");
});
