/** Sticker set fixtures of the setName tests: set references, sticker messages, and a client that answers `messages.getStickerSet`. */
import { type Message as MtcuteMessage, tl } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import { assertEquals } from "../assert.ts";
import { long, tlDocument } from "./_mtkruto_fixtures.ts";
import { tlMediaMessage } from "./_mtkruto_message_fixtures.ts";

/** A set reference by id; `n` makes distinct ones. */
export function setRef(n = 1): tl.RawInputStickerSetID {
  return {
    _: "inputStickerSetID",
    id: long(773947703670341000n + BigInt(n)),
    accessHash: long(-2934745345345n - BigInt(n)),
  };
}

/** A WebP sticker document whose attribute references `stickerset`. */
export function stickerDocument(
  stickerset: tl.TypeInputStickerSet = setRef(),
): tl.RawDocument {
  return tlDocument([
    { _: "documentAttributeImageSize", w: 512, h: 512 },
    { _: "documentAttributeSticker", alt: "😺", stickerset },
  ], { mimeType: "image/webp" });
}

/** A message from Ada carrying the sticker of `stickerset`. */
export function stickerMessage(
  stickerset: tl.TypeInputStickerSet = setRef(),
  overrides: Partial<tl.RawMessage> = {},
): tl.RawMessage {
  return tlMediaMessage(
    { _: "messageMediaDocument", document: stickerDocument(stickerset) },
    overrides,
  );
}

/** The short name the fake Telegram gives set `n`. */
export const shortNameOf = (stickerSet: tl.RawInputStickerSetID) =>
  `set_${stickerSet.id}`;

/** What the fake Telegram does for one getStickerSet: answer the set, or fail. */
export type SetAnswer = "found" | "invalid" | "network";

/**
 * A client whose `messages.getStickerSet` answers as `answer` says (by
 * default every set is found, named `shortNameOf`), recording each set asked
 * for; `getMessages` answers from `stored` (mtcute Messages by id).
 */
export function stickerSetClient(
  answer: (stickerSet: tl.RawInputStickerSetID) => SetAnswer = () => "found",
  stored: MtcuteMessage[] = [],
) {
  const asked: tl.RawInputStickerSetID[] = [];
  const client = {
    call(request: tl.messages.RawGetStickerSetRequest) {
      assertEquals([request._, request.hash], ["messages.getStickerSet", 0]);
      const stickerSet = request.stickerset as tl.RawInputStickerSetID;
      asked.push(stickerSet);
      const outcome = answer(stickerSet);
      if (outcome === "invalid") {
        return Promise.reject(new tl.RpcError(400, "STICKERSET_INVALID"));
      }
      if (outcome === "network") {
        return Promise.reject(new Error("connection closed"));
      }
      return Promise.resolve(
        {
          _: "messages.stickerSet",
          set: {
            _: "stickerSet",
            id: stickerSet.id,
            accessHash: stickerSet.accessHash,
            title: "Set",
            shortName: shortNameOf(stickerSet),
            count: 1,
            hash: 0,
          },
          packs: [],
          keywords: [],
          documents: [],
        } satisfies tl.messages.RawStickerSet,
      );
    },
    getMessages(_chatId: number, ids: number[]) {
      return Promise.resolve(
        ids.map((id) => stored.find((message) => message.id === id) ?? null),
      );
    },
  } as unknown as TelegramClient;
  return { client, asked };
}
