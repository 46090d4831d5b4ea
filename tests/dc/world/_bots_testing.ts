/** Test helpers for bot features: a user and a bot with subscribed sessions, uploads, keyboards. */
import { Long, type tl } from "@mtcute/core";
import { assertStrictEquals } from "../../assert.ts";
import {
  botSession,
  type FakeSession,
  inputPeer,
  invoke,
  userSession,
} from "./_testing.ts";
import { World } from "./world.ts";

/** A world with user Ann and a bot, each with a subscribed session, and the peers they use for each other. */
export async function botChatSetup() {
  const world = new World();
  const user = world.state.accounts.createUser({
    phone: "15550100",
    firstName: "Ann",
  });
  const { bot, session: botMain } = await botSession(world, "keys_bot");
  const userMain = userSession(user.id);
  for (const session of [botMain, userMain]) {
    await invoke(world, session, { _: "updates.getState" });
  }
  return {
    world,
    user,
    bot,
    botMain,
    userMain,
    /** How the user names the bot. */
    botPeer: inputPeer(world, user.id, bot.id),
    /** How the bot names the user. */
    userPeer: inputPeer(world, bot.id, user.id),
  };
}

/** A fresh `random_id`. */
export function randomId(): Long {
  return Long.fromNumber(Math.floor(Math.random() * 2 ** 52));
}

/** Uploads `bytes` in one part as `session`; returns the `inputFile` naming them. */
export async function uploaded(
  world: World,
  session: FakeSession,
  bytes: Uint8Array,
  name: string,
): Promise<tl.RawInputFile> {
  const id = randomId();
  assertStrictEquals(
    await invoke(world, session, {
      _: "upload.saveFilePart",
      fileId: id,
      filePart: 0,
      bytes,
    }),
    true,
  );
  return { _: "inputFile", id, parts: 1, name, md5Checksum: "" };
}

/** An inline keyboard of one row of callback buttons, `[text, data]` each. */
export function callbackKeyboard(
  ...buttons: [text: string, data: string][]
): tl.RawReplyInlineMarkup {
  return {
    _: "replyInlineMarkup",
    rows: [{
      _: "keyboardButtonRow",
      buttons: buttons.map(([text, data]) => ({
        _: "keyboardButtonCallback",
        text,
        data: new TextEncoder().encode(data),
      })),
    }],
  };
}

/** The id of the new message in `updates` (the sender's box). */
export function sentId(updates: tl.TypeUpdates): number {
  if (updates._ !== "updates") throw new Error(`not updates: ${updates._}`);
  for (const update of updates.updates) {
    if (update._ === "updateNewMessage") return update.message.id;
  }
  throw new Error("no updateNewMessage");
}

/** A tiny PNG header of `w`×`h` (enough for the emulator's size probe). */
export function pngHeader(w: number, h: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0x89, 0x50, 0x4e, 0x47], 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, w);
  view.setUint32(20, h);
  return bytes;
}

/** Waits (up to a second) until `find` returns something: pushes arrive after the call's first await. */
export async function eventually<T>(find: () => T | undefined): Promise<T> {
  for (let waited = 0; waited < 1000; waited += 5) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("timed out waiting");
}

/** Sends `media` (with caption `message`) from `session` to `peer`; returns the call's `updates`. */
export async function sendMedia(
  world: World,
  session: FakeSession,
  peer: tl.TypeInputPeer,
  media: tl.TypeInputMedia,
  message = "",
): Promise<tl.RawUpdates> {
  const result = await invoke(world, session, {
    _: "messages.sendMedia",
    peer,
    media,
    message,
    randomId: randomId(),
  });
  if (result._ !== "updates") throw new Error(`not updates: ${result._}`);
  return result;
}
