/** Drafts: `messages.saveDraft` (stored per chat, an empty one deletes), `updateDraftMessage` to the other sessions, the dialog's draft, `messages.clearAllDrafts`. */
import type { tl } from "@mtcute/core";
import { assert, assertEquals } from "../../assert.ts";
import { botChatSetup, randomId } from "./_bots_testing.ts";
import { rpcError } from "./_chats_testing.ts";
import { invoke, userSession } from "./_testing.ts";
import { draftIn } from "./drafts.ts";

/** A user with a second session, and the bot's chat (with a message in it) to keep drafts in. */
async function draftSetup() {
  const setup = await botChatSetup();
  const { world, user, userMain, botPeer } = setup;
  const laptop = userSession(user.id);
  await invoke(world, laptop, { _: "updates.getState" });
  await invoke(world, userMain, {
    _: "messages.sendMessage",
    peer: botPeer,
    message: "hi",
    randomId: randomId(),
  });
  const save = (
    message: string,
    extra: Partial<tl.messages.RawSaveDraftRequest> = {},
  ) =>
    invoke(world, userMain, {
      _: "messages.saveDraft",
      peer: botPeer,
      message,
      ...extra,
    });
  const dialogDraft = async () => {
    const { dialogs } = await invoke(world, userMain, {
      _: "messages.getPeerDialogs",
      peers: [{ _: "inputDialogPeer", peer: botPeer }],
    });
    const [dialog] = dialogs;
    assert(dialog?._ === "dialog");
    return dialog.draft;
  };
  return { ...setup, laptop, save, dialogDraft };
}

/** The last `updateDraftMessage` pushed to `session`, if the last push is one. */
function lastDraftUpdate(
  session: { pushes: tl.TypeUpdates[] },
): tl.RawUpdateDraftMessage | undefined {
  const last = session.pushes.at(-1);
  return last?._ === "updateShort" && last.update._ === "updateDraftMessage"
    ? last.update
    : undefined;
}

Deno.test("saveDraft keeps the chat's draft, shows it in the dialog and tells the other sessions, not the caller", async () => {
  const { world, user, bot, userMain, laptop, save, dialogDraft } =
    await draftSetup();
  const callerPushes = userMain.pushes.length;
  assertEquals(
    await save("see you", {
      noWebpage: true,
      replyTo: { _: "inputReplyToMessage", replyToMsgId: 1 },
    }),
    true,
  );
  assertEquals(userMain.pushes.length, callerPushes);
  const update = lastDraftUpdate(laptop);
  assert(update?.draft._ === "draftMessage");
  assertEquals(
    [update.peer, update.draft.message, update.draft.noWebpage],
    [{ _: "peerUser", userId: bot.id }, "see you", true],
  );
  const draft = await dialogDraft();
  assert(draft?._ === "draftMessage");
  assertEquals(draft.message, "see you");
  assertEquals(draftIn(world.state, user.id, bot.id)?.message, "see you");
});

Deno.test("an empty draft deletes it (draftMessageEmpty); clearAllDrafts empties every chat's, for every session", async () => {
  const { world, user, bot, userMain, laptop, save, dialogDraft } =
    await draftSetup();
  await save("one");
  await save("");
  assertEquals(lastDraftUpdate(laptop)?.draft._, "draftMessageEmpty");
  assertEquals(await dialogDraft(), undefined);
  await save("two");
  assertEquals(
    await invoke(world, userMain, { _: "messages.clearAllDrafts" }),
    true,
  );
  for (const session of [userMain, laptop]) {
    assertEquals(lastDraftUpdate(session)?.draft._, "draftMessageEmpty");
  }
  assertEquals(draftIn(world.state, user.id, bot.id), undefined);
});

Deno.test("drafts are users' only; an unknown peer is PEER_ID_INVALID", async () => {
  const { world, botMain, userPeer, userMain } = await draftSetup();
  assertEquals(
    await rpcError(invoke(world, botMain, {
      _: "messages.saveDraft",
      peer: userPeer,
      message: "x",
    })),
    "BOT_METHOD_INVALID",
  );
  assertEquals(
    await rpcError(invoke(world, userMain, {
      _: "messages.saveDraft",
      peer: {
        _: "inputPeerUser",
        userId: 999999,
        accessHash: userPeer.accessHash,
      },
      message: "x",
    })),
    "PEER_ID_INVALID",
  );
});
