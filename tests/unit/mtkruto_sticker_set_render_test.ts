/** Sticker `setName` (types.md §8) in rendered messages: results, replied messages, polls and held-back updates. */
import { Message as MtcuteMessage, type tl } from "@mtcute/core";
import { renderRawMessages } from "../../src/mtkruto/render/messages.ts";
import { renderMessage } from "../../src/mtkruto/types/message.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";
import { planUpdate, renderHeld } from "../../src/mtkruto/updates/from_tl.ts";
import { assert, assertEquals } from "../assert.ts";
import { assertRendersAs } from "./_mtkruto_fixtures.ts";
import {
  allPeers,
  replyTo,
  tlMediaMessage,
} from "./_mtkruto_message_fixtures.ts";
import {
  setRef,
  shortNameOf,
  stickerDocument,
  stickerMessage,
  stickerSetClient,
} from "./_mtkruto_sticker_set_fixtures.ts";

/** A sticker's rendered fields, as far as these tests read them. */
interface RenderedSticker {
  fileId: string;
  setName?: string;
}

/** The `sticker` of a rendered sticker message. */
function stickerOf(message: unknown): RenderedSticker {
  const { type, sticker } = message as {
    type: string;
    sticker: RenderedSticker;
  };
  assertEquals(type, "sticker");
  return sticker;
}

/** The message as the renderer gives it when every set is named by `shortNameOf`. */
const namedRender = (raw: tl.RawMessage) =>
  renderMessage(raw, allPeers(), { stickerSetName: shortNameOf });

Deno.test("renderRawMessages: a sticker whose set is referenced by id gets the set's short name, everything else as before", async () => {
  const { client, asked } = stickerSetClient();
  const raw = stickerMessage(setRef(1));
  const [message] = await renderRawMessages(client, [{
    raw,
    peers: allPeers(),
  }]);
  assertRendersAs(message, namedRender(raw));
  assertEquals(stickerOf(message).setName, shortNameOf(setRef(1)));
  const { setName: _, ...unnamed } = stickerOf(message);
  assertEquals(unnamed, stickerOf(renderMessage(raw, allPeers())));
  assertEquals(asked, [setRef(1)]);

  // A set without an id reference is not looked up, and has no name.
  const empty = stickerMessage({ _: "inputStickerSetEmpty" });
  const [plain] = await renderRawMessages(client, [{
    raw: empty,
    peers: allPeers(),
  }]);
  assertRendersAs(plain, renderMessage(empty, allPeers()));
  assertEquals(asked.length, 1);
});

Deno.test("renderRawMessages: a failed lookup renders the message without setName, and the others with theirs", async () => {
  const { client } = stickerSetClient((stickerSet) =>
    stickerSet.id.eq(setRef(1).id)
      ? "invalid"
      : stickerSet.id.eq(setRef(2).id)
      ? "network"
      : "found"
  );
  const raws = [1, 2, 3].map((n) => stickerMessage(setRef(n), { id: 40 + n }));
  const rendered = await renderRawMessages(
    client,
    raws.map((raw) => ({ raw, peers: allPeers() })),
  );
  assertRendersAs(rendered, [
    renderMessage(raws[0], allPeers()),
    renderMessage(raws[1], allPeers()),
    namedRender(raws[2]),
  ]);
});

Deno.test("renderRawMessages: the replied message's sticker is named too", async () => {
  const replied = new MtcuteMessage(
    stickerMessage(setRef(2), { id: 40 }),
    allPeers(),
  );
  const { client, asked } = stickerSetClient(() => "found", [replied]);
  const raw = stickerMessage(setRef(1), { replyTo: replyTo(40) });
  const [message] = await renderRawMessages(client, [{
    raw,
    peers: allPeers(),
  }]);
  const { replyToMessage } = message as { replyToMessage?: unknown };
  assert(replyToMessage, "the replied message is rendered");
  assertEquals(
    [stickerOf(message).setName, stickerOf(replyToMessage).setName],
    [shortNameOf(setRef(1)), shortNameOf(setRef(2))],
  );
  assertEquals(asked.map((set) => set.id), [setRef(1).id, setRef(2).id]);
});

Deno.test("renderRawMessages: a poll's sticker medium is named", async () => {
  const { client } = stickerSetClient();
  const raw = tlMediaMessage({
    _: "messageMediaPoll",
    poll: {
      _: "poll",
      id: setRef().id,
      question: { _: "textWithEntities", text: "Which?", entities: [] },
      answers: ["0", "1"].map((text) => ({
        _: "pollAnswer",
        text: { _: "textWithEntities", text, entities: [] },
        option: new TextEncoder().encode(text),
      })),
      hash: setRef().id,
    },
    results: { _: "pollResults" },
    attachedMedia: {
      _: "messageMediaDocument",
      document: stickerDocument(setRef(3)),
    },
  });
  const [message] = await renderRawMessages(client, [{
    raw,
    peers: allPeers(),
  }]);
  const { poll } = message as { poll: { media: unknown } };
  assertEquals(stickerOf(poll.media).setName, shortNameOf(setRef(3)));
  assertRendersAs(message, namedRender(raw));
});

/** Plans `message` as a new private message. */
function planNew(message: tl.RawMessage) {
  const chats = new MessageChats(":memory:");
  try {
    return planUpdate(
      { _: "updateNewMessage", message, pts: 10, ptsCount: 1 },
      allPeers(),
      { chats },
    );
  } finally {
    chats.close();
  }
}

Deno.test("updates: a message whose sticker references a set by id is held back, and its render names the set", async () => {
  const plan = planNew(stickerMessage(setRef(1)));
  assert(plan && "source" in plan, "held back for the set's name");
  assertEquals([plan.type, plan.identity], ["message", "message:123456789:42"]);
  const { client, asked } = stickerSetClient();
  const update = await renderHeld(client, plan.type, plan.source);
  assertEquals(update, {
    type: "message",
    message: namedRender(stickerMessage(setRef(1))),
  });
  assertEquals(asked, [setRef(1)]);

  // Nothing to look up: rendered at once.
  const plain = planNew(stickerMessage({ _: "inputStickerSetEmpty" }));
  assertEquals(plain, {
    type: "message",
    identity: "message:123456789:42",
    update: {
      type: "message",
      message: renderMessage(
        stickerMessage({ _: "inputStickerSetEmpty" }),
        allPeers(),
      ),
    },
  });
});
