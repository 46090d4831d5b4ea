/** render/sticker_sets.ts: which sets a message's stickers reference by id, and the per-client cache of their short names. */
import type { tl } from "@mtcute/core";
import {
  CACHED_STICKER_SETS,
  resolveStickerSetNames,
  stickerSetsOf,
} from "../../src/mtkruto/render/sticker_sets.ts";
import { assertEquals } from "../assert.ts";
import { tlDocument } from "./_mtkruto_fixtures.ts";
import {
  tlMediaMessage,
  tlMessage,
  tlService,
} from "./_mtkruto_message_fixtures.ts";
import {
  setRef,
  shortNameOf,
  stickerDocument,
  stickerMessage,
  stickerSetClient,
} from "./_mtkruto_sticker_set_fixtures.ts";

/** A poll medium whose question, second option and explanation show these media. */
function pollWith(
  attached: tl.TypeMessageMedia | undefined,
  option: tl.TypeMessageMedia | undefined,
  solution: tl.TypeMessageMedia | undefined,
): tl.RawMessageMediaPoll {
  const answer = (text: string, media?: tl.TypeMessageMedia) => ({
    _: "pollAnswer" as const,
    text: { _: "textWithEntities" as const, text, entities: [] },
    option: new TextEncoder().encode(text),
    media,
  });
  return {
    _: "messageMediaPoll",
    poll: {
      _: "poll",
      id: setRef().id,
      question: { _: "textWithEntities", text: "Which?", entities: [] },
      answers: [answer("0"), answer("1", option)],
      hash: setRef().id,
    },
    results: { _: "pollResults", solutionMedia: solution },
    attachedMedia: attached,
  };
}

const stickerMedium = (n: number): tl.RawMessageMediaDocument => ({
  _: "messageMediaDocument",
  document: stickerDocument(setRef(n)),
});

Deno.test("stickerSetsOf: a sticker medium's set by id, every sticker of a poll; nothing for other references or media", () => {
  assertEquals(stickerSetsOf(stickerMessage(setRef(1))), [setRef(1)]);
  assertEquals(
    stickerSetsOf(stickerMessage({ _: "inputStickerSetEmpty" })),
    [],
  );
  assertEquals(
    stickerSetsOf(
      stickerMessage({ _: "inputStickerSetShortName", shortName: "cats" }),
    ),
    [],
  );
  assertEquals(
    stickerSetsOf(tlMediaMessage({
      _: "messageMediaDocument",
      document: tlDocument([], { mimeType: "image/webp" }),
    })),
    [],
  );
  assertEquals(stickerSetsOf(tlMessage()), []);
  assertEquals(
    stickerSetsOf(tlService({ _: "messageActionHistoryClear" })),
    [],
  );
  assertEquals(
    stickerSetsOf(tlMediaMessage(
      pollWith(stickerMedium(1), stickerMedium(2), stickerMedium(3)),
    )),
    [setRef(1), setRef(2), setRef(3)],
  );
  assertEquals(
    stickerSetsOf(
      tlMediaMessage(pollWith(undefined, undefined, stickerMedium(3))),
    ),
    [setRef(3)],
  );
});

Deno.test("resolveStickerSetNames: asks getStickerSet by id with hash 0 once per set, then answers from the cache", async () => {
  const { client, asked } = stickerSetClient();
  const messages = [stickerMessage(setRef(1)), stickerMessage(setRef(2))];
  // Concurrent renders of the same sets share one lookup per set.
  const [names, again] = await Promise.all([
    resolveStickerSetNames(client, messages),
    resolveStickerSetNames(client, [stickerMessage(setRef(1))]),
  ]);
  assertEquals(asked, [setRef(1), setRef(2)]);
  assertEquals(
    [names(setRef(1)), names(setRef(2)), names(setRef(3))],
    [shortNameOf(setRef(1)), shortNameOf(setRef(2)), undefined],
  );
  assertEquals(again(setRef(1)), shortNameOf(setRef(1)));
  const cached = await resolveStickerSetNames(client, messages);
  assertEquals(asked.length, 2);
  assertEquals(cached(setRef(2)), shortNameOf(setRef(2)));

  // The cache is the client's own: another client asks Telegram itself.
  const other = stickerSetClient();
  await resolveStickerSetNames(other.client, messages);
  assertEquals(other.asked, [setRef(1), setRef(2)]);

  // Messages without set references cost no call.
  const none = stickerSetClient();
  const empty = await resolveStickerSetNames(none.client, [tlMessage()]);
  assertEquals([none.asked, empty(setRef(1))], [[], undefined]);
});

Deno.test("resolveStickerSetNames: a failed lookup (STICKERSET_INVALID, the network) leaves only that name out, and is tried again later", async () => {
  let broken = true;
  const { client, asked } = stickerSetClient((stickerSet) =>
    stickerSet.id.eq(setRef(1).id)
      ? "invalid"
      : stickerSet.id.eq(setRef(2).id) && broken
      ? "network"
      : "found"
  );
  const messages = [1, 2, 3].map((n) => stickerMessage(setRef(n)));
  const names = await resolveStickerSetNames(client, messages);
  assertEquals(
    [1, 2, 3].map((n) => names(setRef(n))),
    [undefined, undefined, shortNameOf(setRef(3))],
  );
  broken = false;
  const later = await resolveStickerSetNames(client, messages);
  assertEquals(
    [1, 2, 3].map((n) => later(setRef(n))),
    [undefined, shortNameOf(setRef(2)), shortNameOf(setRef(3))],
  );
  // Failures were not cached; set 3's name was.
  assertEquals(asked.map((set) => set.id), [
    setRef(1).id,
    setRef(2).id,
    setRef(3).id,
    setRef(1).id,
    setRef(2).id,
  ]);
});

Deno.test("resolveStickerSetNames: the cache is bounded, dropping the least recently used set", async () => {
  const { client, asked } = stickerSetClient();
  const resolve = (n: number) =>
    resolveStickerSetNames(client, [stickerMessage(setRef(n))]);
  await resolve(0);
  for (let n = 1; n < CACHED_STICKER_SETS; n++) await resolve(n);
  // Set 0, used again, is now the most recent; set 1 is the least.
  await resolve(0);
  assertEquals(asked.length, CACHED_STICKER_SETS);
  await resolve(CACHED_STICKER_SETS);
  await resolve(0);
  assertEquals(asked.length, CACHED_STICKER_SETS + 1);
  await resolve(1);
  assertEquals(asked.length, CACHED_STICKER_SETS + 2);
  assertEquals(asked.at(-1), setRef(1));
});
