/**
 * mtcute raw TL objects for the MTKruto renderer tests (camelCase fields,
 * `Long` for int64): builders of users, chats, channels, photos and
 * documents whose defaults are the peers and photo of types.md §16, an
 * index of peers, and an assertion that also checks key order.
 */
import { Long, PeersIndex, type tl } from "@mtcute/core";
import { assert, assertEquals } from "../assert.ts";

/** A TL int64 from its decimal (or number) form. */
export function long(value: string | number | bigint): Long {
  return Long.fromString(String(value));
}

/** The 21-byte file reference the §16.3 sample ids embed. */
export const SAMPLE_FILE_REFERENCE = Uint8Array.from([
  0x02,
  0x00,
  0x00,
  0x0e,
  0x55,
  0x67,
  0xf8,
  0xa2,
  0xc1,
  0xd2,
  0xe3,
  0xf4,
  0x05,
  0x16,
  0x27,
  0x38,
  0x49,
  0xaa,
  0xbb,
  0xcc,
  0xee,
]);

/** A `user`: Ada Lovelace of §16.1 (id 123456789, "@ada", "en", seen recently) unless overridden. */
export function tlUser(overrides: Partial<tl.RawUser> = {}): tl.RawUser {
  return {
    _: "user",
    id: 123456789,
    accessHash: long("7340298346598203817"),
    firstName: "Ada",
    lastName: "Lovelace",
    username: "ada",
    langCode: "en",
    status: { _: "userStatusRecently" },
    ...overrides,
  };
}

/** A bot `user`: the own bot of §16.2 ("Poll Bot", id 6123456789, self) unless overridden. */
export function tlBot(overrides: Partial<tl.RawUser> = {}): tl.RawUser {
  return {
    _: "user",
    self: true,
    bot: true,
    id: 6123456789,
    accessHash: long("-4511526883928162119"),
    firstName: "Poll Bot",
    username: "example_poll_bot",
    botInfoVersion: 3,
    ...overrides,
  };
}

/** A basic group `chat` (id 777, "Book Club", no photo) unless overridden. */
export function tlChat(overrides: Partial<tl.RawChat> = {}): tl.RawChat {
  return {
    _: "chat",
    id: 777,
    title: "Book Club",
    photo: { _: "chatPhotoEmpty" },
    participantsCount: 3,
    date: 1767225000,
    version: 1,
    ...overrides,
  };
}

/**
 * A `channel`: the public supergroup of §16.3 (channel id 1234567890,
 * "@examplegroup", color 1 — the sample's color is not the default of its
 * id, so it must come from a peerColor) unless overridden.
 */
export function tlChannel(
  overrides: Partial<tl.RawChannel> = {},
): tl.RawChannel {
  return {
    _: "channel",
    megagroup: true,
    id: 1234567890,
    accessHash: long("-6025298751193866612"),
    title: "Example Group",
    username: "examplegroup",
    photo: { _: "chatPhotoEmpty" },
    date: 1767225000,
    color: { _: "peerColor", color: 1 },
    ...overrides,
  };
}

/** A `userProfilePhoto` on DC 2 unless overridden. */
export function tlProfilePhoto(
  overrides: Partial<tl.RawUserProfilePhoto> = {},
): tl.RawUserProfilePhoto {
  return {
    _: "userProfilePhoto",
    photoId: long("5859283411234567890"),
    dcId: 2,
    ...overrides,
  };
}

/** A `chatPhoto` on DC 4 unless overridden. */
export function tlChatPhoto(
  overrides: Partial<tl.RawChatPhoto> = {},
): tl.RawChatPhoto {
  return {
    _: "chatPhoto",
    photoId: long("-3402283411234567123"),
    dcId: 4,
    ...overrides,
  };
}

/** A plain `photoSize`. */
export function tlPhotoSize(
  type: string,
  w: number,
  h: number,
  size: number,
): tl.RawPhotoSize {
  return { _: "photoSize", type, w, h, size };
}

/**
 * A `photo`: the one of §16.3 (DC 4, id 5467234567890123457, access hash
 * 3141592653589793238, sizes s, m, x, a stripped one and a progressive y
 * of 1280×960 whose largest step is 120345 bytes) unless overridden.
 */
export function tlPhoto(overrides: Partial<tl.RawPhoto> = {}): tl.RawPhoto {
  return {
    _: "photo",
    id: long("5467234567890123457"),
    accessHash: long("3141592653589793238"),
    fileReference: SAMPLE_FILE_REFERENCE,
    date: 1767225690,
    sizes: [
      { _: "photoStrippedSize", type: "i", bytes: new Uint8Array([1, 40, 30]) },
      tlPhotoSize("s", 90, 68, 1212),
      tlPhotoSize("m", 320, 240, 15034),
      tlPhotoSize("x", 800, 600, 61877),
      {
        _: "photoSizeProgressive",
        type: "y",
        w: 1280,
        h: 960,
        sizes: [10012, 38000, 71342, 98500, 120345],
      },
    ],
    dcId: 4,
    ...overrides,
  };
}

/** A `document` with these attributes (a 48 000-byte file on DC 2, no thumbs) unless overridden. */
export function tlDocument(
  attributes: tl.TypeDocumentAttribute[] = [],
  overrides: Partial<tl.RawDocument> = {},
): tl.RawDocument {
  return {
    _: "document",
    id: long("6012345678901234567"),
    accessHash: long("-1234567890123456789"),
    fileReference: Uint8Array.from([0x01, 0x00, 0x00, 0x00, 0x2a, 0x69]),
    date: 1767225700,
    mimeType: "application/octet-stream",
    size: 48000,
    dcId: 2,
    attributes,
    ...overrides,
  };
}

/** mtcute's index of these peers, as an update or result would bring it. */
export function peersOf(...peers: (tl.TypeUser | tl.TypeChat)[]): PeersIndex {
  return PeersIndex.from({
    users: peers.filter((peer): peer is tl.TypeUser =>
      peer._ === "user" || peer._ === "userEmpty"
    ),
    chats: peers.filter((peer): peer is tl.TypeChat =>
      peer._ !== "user" && peer._ !== "userEmpty"
    ),
  });
}

/** Fails on any key whose value is undefined (MTKruto omits such keys) or null, at any depth. */
export function assertNoEmptyKeys(value: unknown, path = "$"): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoEmptyKeys(item, `${path}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      assert(item !== undefined && item !== null, `${path}.${key} is ${item}`);
      assertNoEmptyKeys(item, `${path}.${key}`);
    }
  }
}

/** Asserts `actual` equals `expected` field by field, with the same key order at every depth and no empty keys. */
export function assertRendersAs(actual: unknown, expected: unknown): void {
  assertNoEmptyKeys(actual);
  assertEquals(actual, expected);
  assertEquals(
    JSON.stringify(actual, null, 1),
    JSON.stringify(expected, null, 1),
    "key order differs",
  );
}
