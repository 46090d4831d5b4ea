/** Editing sticker sets: adding, moving and removing stickers, renaming and deleting, by the set's creator or owner only. */
import type { tl } from "@mtcute/core";
import { assert, assertEquals } from "../../assert.ts";
import { rpcError } from "./_chats_testing.ts";
import { invoke, userSession } from "./_testing.ts";
import {
  inputDocument,
  stickerSetup,
  uploadDocument,
  webpHeader,
} from "./_sticker_sets_testing.ts";

const byName: tl.RawInputStickerSetShortName = {
  _: "inputStickerSetShortName",
  shortName: "cats_by_keys_bot",
};

/** The emoji of each of a set's stickers, in order. */
function emojiOrder(set: tl.messages.TypeStickerSet): string[] {
  assert(set._ === "messages.stickerSet");
  return set.documents.map((document) => {
    assert(document._ === "document");
    const attribute = document.attributes.find((a) =>
      a._ === "documentAttributeSticker"
    );
    assert(attribute?._ === "documentAttributeSticker");
    return attribute.alt;
  });
}

/** A set of one sticker, with a second upload ready to add; and a stranger's session. */
async function editSetup() {
  const setup = await stickerSetup();
  const { world, botMain, userPeer, create } = setup;
  const created = await create();
  const dog = await uploadDocument(
    world,
    botMain,
    userPeer,
    webpHeader(512, 400),
    "image/webp",
    "dog.webp",
  );
  const stranger = world.state.accounts.createUser({
    phone: "15550177",
    firstName: "Dee",
  });
  const strangerMain = userSession(stranger.id);
  await invoke(world, strangerMain, { _: "updates.getState" });
  const addDog = (session = botMain) =>
    invoke(world, session, {
      _: "stickers.addStickerToSet",
      stickerset: byName,
      sticker: {
        _: "inputStickerSetItem",
        document: inputDocument(dog),
        emoji: "🐶",
      },
    });
  return { ...setup, created, strangerMain, addDog };
}

Deno.test("addStickerToSet appends a new document of the set; changeStickerPosition moves it; removeStickerFromSet takes it out", async () => {
  const { world, botMain, userMain, addDog } = await editSetup();
  const added = await addDog();
  assertEquals(emojiOrder(added), ["😺", "🐶"]);
  assert(added._ === "messages.stickerSet");
  assertEquals(added.set.count, 2);
  const [, dog] = added.documents as tl.RawDocument[];
  // The owner edits the bot's set for her too.
  const moved = await invoke(world, userMain, {
    _: "stickers.changeStickerPosition",
    sticker: inputDocument(dog),
    position: 0,
  });
  assertEquals(emojiOrder(moved), ["🐶", "😺"]);
  assertEquals(
    await rpcError(invoke(world, botMain, {
      _: "stickers.changeStickerPosition",
      sticker: inputDocument(dog),
      position: 2,
    })),
    "STICKER_INVALID",
  );
  const removed = await invoke(world, botMain, {
    _: "stickers.removeStickerFromSet",
    sticker: inputDocument(dog),
  });
  assertEquals(emojiOrder(removed), ["😺"]);
  assertEquals(
    await rpcError(invoke(world, botMain, {
      _: "stickers.removeStickerFromSet",
      sticker: inputDocument(dog),
    })),
    "STICKER_INVALID",
  );
});

Deno.test("renameStickerSet checks the title as a new set's; deleteStickerSet frees the short name", async () => {
  const { world, botMain, userMain, create } = await editSetup();
  const renamed = await invoke(world, botMain, {
    _: "stickers.renameStickerSet",
    stickerset: byName,
    title: "Felines",
  });
  assert(renamed._ === "messages.stickerSet");
  assertEquals(renamed.set.title, "Felines");
  for (const title of ["", "   ", "x".repeat(65)]) {
    assertEquals(
      await rpcError(invoke(world, botMain, {
        _: "stickers.renameStickerSet",
        stickerset: byName,
        title,
      })),
      "PACK_TITLE_INVALID",
    );
  }
  assertEquals(
    await invoke(world, botMain, {
      _: "stickers.deleteStickerSet",
      stickerset: byName,
    }),
    true,
  );
  assertEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.getStickerSet",
      stickerset: byName,
      hash: 0,
    })),
    "STICKERSET_INVALID",
  );
  const again = await create();
  assert(again._ === "messages.stickerSet");
});

Deno.test("a stranger may not edit the set: STICKERSET_INVALID for the set, STICKER_INVALID for its stickers", async () => {
  const { world, strangerMain, created, addDog } = await editSetup();
  assert(created._ === "messages.stickerSet");
  const [cat] = created.documents as tl.RawDocument[];
  assertEquals(await rpcError(addDog(strangerMain)), "STICKERSET_INVALID");
  for (
    const request of [
      { _: "stickers.renameStickerSet", stickerset: byName, title: "Mine" },
      { _: "stickers.deleteStickerSet", stickerset: byName },
    ] as const
  ) {
    assertEquals(
      await rpcError(invoke(world, strangerMain, request)),
      "STICKERSET_INVALID",
    );
  }
  assertEquals(
    await rpcError(invoke(world, strangerMain, {
      _: "stickers.removeStickerFromSet",
      sticker: inputDocument(cat),
    })),
    "STICKER_INVALID",
  );
  assertEquals(
    await rpcError(invoke(world, strangerMain, {
      _: "stickers.changeStickerPosition",
      sticker: inputDocument(cat),
      position: 0,
    })),
    "STICKER_INVALID",
  );
});
