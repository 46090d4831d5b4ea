/** Saved GIFs: `messages.saveGif` (newest first, unsave, the limit), `messages.getSavedGifs` and its hash, `updateSavedGifs` to other sessions. */
import { Long, type tl } from "@mtcute/core";
import { assert, assertEquals } from "../../assert.ts";
import { rpcError } from "./_chats_testing.ts";
import { invoke, userSession } from "./_testing.ts";
import { now } from "./emit.ts";
import { SAVED_GIFS_LIMIT } from "./saved_gifs.ts";
import { World } from "./world.ts";

/** A user with two sessions (subscribed to updates), and a way to store documents. */
async function gifSetup() {
  const world = new World();
  const user = world.state.accounts.createUser({
    phone: "15550131",
    firstName: "Gus",
  });
  const phone = userSession(user.id);
  const laptop = userSession(user.id);
  for (const session of [phone, laptop]) {
    await invoke(world, session, { _: "updates.getState" });
  }
  const store = (attributes: tl.TypeDocumentAttribute[]) => {
    const { tl: document } = world.state.files.addDocument({
      bytes: new Uint8Array([1, 2, 3]),
      mimeType: "video/mp4",
      attributes,
      date: now(),
    });
    return {
      document,
      input: {
        _: "inputDocument",
        id: document.id,
        accessHash: document.accessHash,
        fileReference: document.fileReference,
      } satisfies tl.RawInputDocument,
    };
  };
  const gif = () => store([{ _: "documentAttributeAnimated" }]);
  const save = (id: tl.TypeInputDocument, unsave = false) =>
    invoke(world, phone, { _: "messages.saveGif", id, unsave });
  const list = async (hash = Long.ZERO) =>
    await invoke(world, phone, { _: "messages.getSavedGifs", hash });
  return { world, user, phone, laptop, store, gif, save, list };
}

/** The ids of a `messages.savedGifs` answer's documents. */
function idsOf(result: tl.messages.TypeSavedGifs): string[] {
  assert(result._ === "messages.savedGifs");
  return result.gifs.map((gif) => gif.id.toString());
}

Deno.test("saveGif puts the animation first, again moves it to the front, unsave takes it out", async () => {
  const { gif, save, list } = await gifSetup();
  const [a, b] = [gif(), gif()];
  assertEquals(idsOf(await list()), []);
  assertEquals(await save(a.input), true);
  await save(b.input);
  const id = (g: typeof a) => g.document.id.toString();
  assertEquals(idsOf(await list()), [id(b), id(a)]);
  await save(a.input);
  assertEquals(idsOf(await list()), [id(a), id(b)]);
  await save(a.input, true);
  assertEquals(idsOf(await list()), [id(b)]);
  // Unsaving what is not saved is no error.
  assertEquals(await save(a.input, true), true);
});

Deno.test("getSavedGifs: the held hash answers savedGifsNotModified; a change changes the hash", async () => {
  const { gif, save, list } = await gifSetup();
  await save(gif().input);
  const first = await list();
  assert(first._ === "messages.savedGifs");
  assertEquals((await list(first.hash))._, "messages.savedGifsNotModified");
  await save(gif().input);
  const second = await list(first.hash);
  assert(second._ === "messages.savedGifs");
  assertEquals(second.gifs.length, 2);
  assert(!second.hash.eq(first.hash));
});

Deno.test("saveGif refuses what is not an animation; keeps the newest 200", async () => {
  const { store, gif, save, list } = await gifSetup();
  assertEquals(
    await rpcError(
      save(
        store([{ _: "documentAttributeFilename", fileName: "a.mp4" }]).input,
      ),
    ),
    "GIF_ID_INVALID",
  );
  assertEquals(
    await rpcError(save({ _: "inputDocumentEmpty" })),
    "GIF_ID_INVALID",
  );
  const { input } = gif();
  assertEquals(
    await rpcError(save({ ...input, accessHash: input.accessHash.add(1) })),
    "GIF_ID_INVALID",
  );
  assertEquals(
    await rpcError(save({ ...input, fileReference: new Uint8Array([9]) })),
    "FILE_REFERENCE_EXPIRED",
  );
  const first = gif();
  await save(first.input);
  for (let i = 0; i < SAVED_GIFS_LIMIT; i++) await save(gif().input);
  const ids = idsOf(await list());
  assertEquals(ids.length, SAVED_GIFS_LIMIT);
  assert(!ids.includes(first.document.id.toString()), "the oldest went");
});

Deno.test("a change reaches the account's other sessions as updateSavedGifs, not the caller's", async () => {
  const { phone, laptop, gif, save } = await gifSetup();
  const pushedBefore = phone.pushes.length;
  await save(gif().input);
  assertEquals(phone.pushes.length, pushedBefore);
  const last = laptop.pushes.at(-1);
  assert(last?._ === "updateShort");
  assertEquals(last.update._, "updateSavedGifs");
});
