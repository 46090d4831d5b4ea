/**
 * Inline message ids as MTKruto writes them (types.md §7.1): URL-safe base64
 * without padding of the boxed TL `inputBotInlineMessageID` /
 * `inputBotInlineMessageID64`, i.e. the constructor id first. The Bot API,
 * TDLib and mtcute write the bare 20/24 bytes instead; both are read back.
 */
import { Long, type tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";

/** Constructor ids, as TL's little-endian uint32. */
const ID32 = 0x890c3d89;
const ID64 = 0xb6d915d7;
/** Bare sizes: dc_id + id + access_hash; dc_id + owner_id + id + access_hash. */
const BARE32 = 20;
const BARE64 = 24;
const BOX = 4;

const BASE64URL_ONLY = /[-_]/;

function writeLong(view: DataView, offset: number, value: Long): void {
  view.setInt32(offset, value.low, true);
  view.setInt32(offset + 4, value.high, true);
}

function readLong(view: DataView, offset: number): Long {
  return Long.fromBits(
    view.getInt32(offset, true),
    view.getInt32(offset + 4, true),
  );
}

/** MTKruto's text form of an inline message id (boxed TL, URL-safe base64, no padding). */
export function encodeInlineMessageId(
  id: tl.TypeInputBotInlineMessageID,
): string {
  const is64 = id._ === "inputBotInlineMessageID64";
  const bytes = new Uint8Array(BOX + (is64 ? BARE64 : BARE32));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, is64 ? ID64 : ID32, true);
  view.setInt32(4, id.dcId, true);
  if (id._ === "inputBotInlineMessageID64") {
    writeLong(view, 8, id.ownerId);
    view.setInt32(16, id.id, true);
    writeLong(view, 20, id.accessHash);
  } else {
    writeLong(view, 8, id.id);
    writeLong(view, 16, id.accessHash);
  }
  return bytes.toBase64({ alphabet: "base64url", omitPadding: true });
}

/** The bytes of base64 or base64url text, or undefined when it is neither. */
function base64Bytes(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.fromBase64(text, {
      alphabet: BASE64URL_ONLY.test(text) ? "base64url" : "base64",
    });
  } catch {
    return undefined;
  }
}

/** The id in `bytes` from `offset` on, by the bare layout its length gives. */
function readBare(
  view: DataView,
  offset: number,
  is64: boolean,
): tl.TypeInputBotInlineMessageID {
  const dcId = view.getInt32(offset, true);
  return is64
    ? {
      _: "inputBotInlineMessageID64",
      dcId,
      ownerId: readLong(view, offset + 4),
      id: view.getInt32(offset + 12, true),
      accessHash: readLong(view, offset + 16),
    }
    : {
      _: "inputBotInlineMessageID",
      dcId,
      id: readLong(view, offset + 4),
      accessHash: readLong(view, offset + 12),
    };
}

/**
 * The TL id of an inline message id in MTKruto's boxed form or the Bot
 * API's bare one. Anything else throws InputError naming `path`.
 */
export function decodeInlineMessageId(
  text: string,
  path = "inlineMessageId",
): tl.TypeInputBotInlineMessageID {
  const bytes = base64Bytes(text);
  if (bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const box = bytes.length >= BOX ? view.getUint32(0, true) : undefined;
    if (bytes.length === BOX + BARE32 && box === ID32) {
      return readBare(view, BOX, false);
    }
    if (bytes.length === BOX + BARE64 && box === ID64) {
      return readBare(view, BOX, true);
    }
    // A bare 64-bit id is also 24 bytes long; its first int is a small DC id, never ID32.
    if (bytes.length === BARE32) return readBare(view, 0, false);
    if (bytes.length === BARE64) return readBare(view, 0, true);
  }
  throw new InputError(
    `${path} must be an inline message id: the base64url text of a TL inputBotInlineMessageID or inputBotInlineMessageID64 (as given in callbackQuery.inlineMessageId or chosenInlineResult.inlineMessageId), got ${
      JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text)
    }`,
  );
}
