/**
 * MTKruto's file ids (types.md §9): the §16.3 sample ids byte for byte,
 * and every id parsed back by mtcute's @mtcute/file-id to the same DC, id,
 * access hash, file reference and type, with mtcute's unique ids (its
 * serializer and its high-level Photo/Document/Thumbnail/ChatPhoto) and
 * mtcute's own file ids, which differ from ours in the sub-version only.
 */
import {
  ChatPhoto,
  Document,
  type Long,
  Photo,
  Thumbnail,
  type tl,
} from "@mtcute/core";
import {
  chatPhotoFileIds,
  documentFileIds,
  type DocumentFileType,
  documentThumbnailFileIds,
  FILE_TYPE,
  photoFileIds,
  zeroRle,
} from "../../src/mtkruto/types/file_id.ts";
import { assertEquals, assertStrictEquals } from "../assert.ts";
import {
  parseFileId,
  parseUniqueFileId,
  tdFileId,
  toFileId,
  toUniqueFileId,
} from "./_mtcute_file_id.ts";
import {
  long,
  SAMPLE_FILE_REFERENCE,
  tlBot,
  tlChannel,
  tlChat,
  tlChatPhoto,
  tlDocument,
  tlPhoto,
  tlPhotoSize,
  tlProfilePhoto,
  tlUser,
} from "./_mtkruto_fixtures.ts";
import { SAMPLE_PHOTO } from "./_mtkruto_samples.ts";

type Parsed = ReturnType<typeof parseFileId>;

/** What a parsed id holds, with Longs as decimal text so it compares plainly. */
function plain(parsed: Parsed) {
  const location = parsed.location;
  const common = {
    dcId: parsed.dcId,
    type: parsed.type,
    fileReference: parsed.fileReference,
  };
  switch (location._) {
    case "common":
      return {
        ...common,
        id: location.id.toString(),
        accessHash: location.accessHash.toString(),
      };
    case "photo":
      return {
        ...common,
        id: location.id.toString(),
        accessHash: location.accessHash.toString(),
        source: "accessHash" in location.source
          ? {
            ...location.source,
            accessHash: location.source.accessHash.toString(),
          }
          : { ...location.source },
      };
    default:
      throw new Error(`unexpected ${location._} location`);
  }
}

/** Asserts our id equals mtcute's except the sub-version byte (ours 52, mtcute's 58). */
function assertSameButSubVersion(ours: string, mtcutes: string): void {
  const a = Uint8Array.fromBase64(ours, { alphabet: "base64url" });
  const b = Uint8Array.fromBase64(mtcutes, { alphabet: "base64url" });
  assertEquals([a.at(-2), a.at(-1)], [52, 4]);
  assertEquals([b.at(-2), b.at(-1)], [58, 4]);
  assertEquals(a.subarray(0, -2), b.subarray(0, -2));
}

const text = (value: Long) => value.toString();

Deno.test("zeroRle: zero runs become 0,n; runs split at 255; other bytes pass", () => {
  assertEquals(zeroRle([1, 2, 3]), Uint8Array.from([1, 2, 3]));
  assertEquals(zeroRle([0, 0, 0, 7, 0]), Uint8Array.from([0, 3, 7, 0, 1]));
  assertEquals(
    zeroRle([5, ...new Array(300).fill(0), 6]),
    Uint8Array.from([5, 0, 255, 0, 45, 6]),
  );
  assertEquals(zeroRle(new Array(255).fill(0)), Uint8Array.from([0, 255]));
  assertEquals(zeroRle([]), new Uint8Array());
});

Deno.test("photoFileIds: the §16.3 sample ids of sizes y, s, m and x, byte for byte", () => {
  const photo = tlPhoto();
  const [s, m, x] = SAMPLE_PHOTO.thumbnails;
  for (
    const [letter, expected] of [
      ["y", SAMPLE_PHOTO],
      ["s", s],
      ["m", m],
      ["x", x],
    ] as const
  ) {
    assertEquals(photoFileIds(photo, { type: letter }), {
      fileId: expected.fileId,
      fileUniqueId: expected.fileUniqueId,
    });
  }
});

Deno.test("photoFileIds: mtcute parses them to the photo, and agrees on ids and unique ids", () => {
  const photo = tlPhoto();
  for (const letter of ["s", "m", "x", "y"]) {
    const ids = photoFileIds(photo, { type: letter });
    const parsed = parseFileId(ids.fileId);
    assertEquals(plain(parsed), {
      dcId: 4,
      type: tdFileId.FileType.Photo,
      fileReference: SAMPLE_FILE_REFERENCE,
      id: "5467234567890123457",
      accessHash: "3141592653589793238",
      source: {
        _: "thumbnail",
        fileType: tdFileId.FileType.Photo,
        thumbnailType: letter,
      },
    });
    assertStrictEquals(toUniqueFileId(parsed), ids.fileUniqueId);
    assertSameButSubVersion(ids.fileId, toFileId(parsed));
    const size = photo.sizes.find((candidate) =>
      "type" in candidate && candidate.type === letter
    )!;
    assertStrictEquals(
      new Thumbnail(photo, size).uniqueFileId,
      ids.fileUniqueId,
    );
  }
  const best = photoFileIds(photo, { type: "y" });
  assertStrictEquals(new Photo(photo).uniqueFileId, best.fileUniqueId);
  assertSameButSubVersion(best.fileId, new Photo(photo).fileId);
});

Deno.test("photoFileIds: the unique byte of sizes a and c is 0 and 1, others letter + 5", () => {
  const photo = tlPhoto({
    sizes: [tlPhotoSize("a", 1, 1, 1), tlPhotoSize("c", 2, 2, 2)],
  });
  const subType = (letter: string) => {
    const parsed = parseUniqueFileId(
      photoFileIds(photo, { type: letter }).fileUniqueId,
    );
    assertStrictEquals(parsed.type, tdFileId.UniqueFileIdType.Photo);
    return "location" in parsed && parsed.location._ === "photoId"
      ? [parsed.location.id.toString(), parsed.location.subType]
      : undefined;
  };
  const id = text(photo.id);
  assertEquals([subType("a"), subType("c")], [[id, 0], [id, 1]]);
  assertEquals(subType("m"), [id, "m".charCodeAt(0) + 5]);
  for (const size of photo.sizes) {
    assertStrictEquals(
      new Thumbnail(photo, size).uniqueFileId,
      photoFileIds(photo, size as tl.RawPhotoSize).fileUniqueId,
    );
  }
});

Deno.test("documentFileIds: each file type parses in mtcute to the document with that type", () => {
  const document = tlDocument();
  const expected: Record<DocumentFileType, number> = {
    document: tdFileId.FileType.Document,
    video: tdFileId.FileType.Video,
    animation: tdFileId.FileType.Animation,
    audio: tdFileId.FileType.Audio,
    voice: tdFileId.FileType.VoiceNote,
    videoNote: tdFileId.FileType.VideoNote,
    sticker: tdFileId.FileType.Sticker,
  };
  const uniqueIds = new Set<string>();
  for (const [fileType, number] of Object.entries(expected)) {
    const ids = documentFileIds(document, fileType as DocumentFileType);
    assertStrictEquals(FILE_TYPE[fileType as DocumentFileType], number);
    const parsed = parseFileId(ids.fileId);
    assertEquals(plain(parsed), {
      dcId: 2,
      type: number,
      fileReference: document.fileReference,
      id: text(document.id),
      accessHash: text(document.accessHash),
    });
    assertStrictEquals(toUniqueFileId(parsed), ids.fileUniqueId);
    assertSameButSubVersion(ids.fileId, toFileId(parsed));
    uniqueIds.add(ids.fileUniqueId);
  }
  // The unique id names the document, whatever it is rendered as.
  assertEquals([...uniqueIds], [new Document(document).uniqueFileId]);
  assertSameButSubVersion(
    documentFileIds(document, "document").fileId,
    new Document(document).fileId,
  );
});

Deno.test("documentFileIds: negative ids, a 254-byte and a zero-filled file reference survive", () => {
  for (
    const fileReference of [
      Uint8Array.from({ length: 254 }, (_, i) => (i * 7) % 256),
      new Uint8Array(600),
      new Uint8Array(),
    ]
  ) {
    const document = tlDocument([], {
      id: long("-9223372036854775808"),
      accessHash: long("-1"),
      dcId: 5,
      fileReference,
    });
    const ids = documentFileIds(document, "video");
    assertEquals(plain(parseFileId(ids.fileId)), {
      dcId: 5,
      type: tdFileId.FileType.Video,
      fileReference,
      id: "-9223372036854775808",
      accessHash: "-1",
    });
    assertStrictEquals(new Document(document).uniqueFileId, ids.fileUniqueId);
  }
});

Deno.test("documentThumbnailFileIds: type Thumbnail in and out of the source, as mtcute and TDLib accept", () => {
  const size = tlPhotoSize("m", 320, 180, 9000);
  const document = tlDocument([], { thumbs: [size] });
  const ids = documentThumbnailFileIds(document, size);
  const parsed = parseFileId(ids.fileId);
  assertEquals(plain(parsed), {
    dcId: 2,
    type: tdFileId.FileType.Thumbnail,
    fileReference: document.fileReference,
    id: text(document.id),
    accessHash: text(document.accessHash),
    source: {
      _: "thumbnail",
      fileType: tdFileId.FileType.Thumbnail,
      thumbnailType: "m",
    },
  });
  assertStrictEquals(toUniqueFileId(parsed), ids.fileUniqueId);
  const mtcutes = new Thumbnail(document, size);
  assertStrictEquals(mtcutes.uniqueFileId, ids.fileUniqueId);
  assertSameButSubVersion(ids.fileId, mtcutes.fileId);
});

Deno.test("chatPhotoFileIds: users, basic groups, channels and min users parse in mtcute to the peer's photo", () => {
  const user = tlUser();
  const minUser = tlUser({ min: true, accessHash: undefined });
  const channel = tlChannel();
  const cases: {
    photo: tl.RawUserProfilePhoto | tl.RawChatPhoto;
    chatId: number;
    accessHash: Long | undefined;
    inputPeer: tl.TypeInputPeer;
  }[] = [
    {
      photo: tlProfilePhoto(),
      chatId: user.id,
      accessHash: user.accessHash,
      inputPeer: {
        _: "inputPeerUser",
        userId: user.id,
        accessHash: user.accessHash!,
      },
    },
    {
      photo: tlProfilePhoto({ dcId: 1 }),
      chatId: minUser.id,
      accessHash: undefined,
      inputPeer: {
        _: "inputPeerUser",
        userId: minUser.id,
        accessHash: long(0),
      },
    },
    {
      photo: tlChatPhoto(),
      chatId: -tlChat().id,
      accessHash: undefined,
      inputPeer: { _: "inputPeerChat", chatId: tlChat().id },
    },
    {
      photo: tlChatPhoto({ dcId: 5 }),
      chatId: -1001234567890,
      accessHash: channel.accessHash,
      inputPeer: {
        _: "inputPeerChannel",
        channelId: channel.id,
        accessHash: channel.accessHash!,
      },
    },
    {
      photo: tlProfilePhoto({ photoId: long("42") }),
      chatId: tlBot().id,
      accessHash: tlBot().accessHash,
      inputPeer: {
        _: "inputPeerUser",
        userId: tlBot().id,
        accessHash: tlBot().accessHash!,
      },
    },
  ];
  for (const { photo, chatId, accessHash, inputPeer } of cases) {
    const ids = chatPhotoFileIds(photo, chatId, accessHash);
    const mtcutes = new ChatPhoto(inputPeer, photo);
    for (
      const [big, fileId, fileUniqueId, size] of [
        [false, ids.smallFileId, ids.smallFileUniqueId, mtcutes.small],
        [true, ids.bigFileId, ids.bigFileUniqueId, mtcutes.big],
      ] as const
    ) {
      const parsed = parseFileId(fileId);
      assertEquals(plain(parsed), {
        dcId: photo.dcId,
        type: tdFileId.FileType.ProfilePhoto,
        fileReference: null,
        id: text(photo.photoId),
        accessHash: "0",
        source: {
          _: "dialogPhoto",
          big,
          id: chatId,
          accessHash: accessHash?.toString() ?? "0",
        },
      });
      assertStrictEquals(toUniqueFileId(parsed), fileUniqueId);
      assertStrictEquals(size.uniqueFileId, fileUniqueId);
      assertSameButSubVersion(fileId, size.fileId);
    }
  }
});
