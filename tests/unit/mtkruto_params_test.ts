/** MTKruto's input converters: the readers, chat ids and file sources. */
import { InputError } from "../../src/errors.ts";
import {
  resolveChatId,
  toChatId,
  withPhonesResolved,
} from "../../src/mtkruto/params/chat_id.ts";
import { toLiveLocationAlerts } from "../../src/mtkruto/params/geo.ts";
import {
  metadataOf,
  toCachedFileId,
  toInputFile,
  toMediaFile,
  toThumbnail,
} from "../../src/mtkruto/params/file_source.ts";
import {
  optionalInteger,
  optionalString,
  readDecimal,
  readEnum,
  readObject,
} from "../../src/mtkruto/params/read.ts";
import {
  assertEquals,
  assertStrictEquals,
  assertThrowsWithMessage,
} from "../assert.ts";
import {
  assertInputError,
  attachedFile,
  documentFileId,
  photoFileId,
} from "./_mtkruto_params_fixtures.ts";

Deno.test("readers: null counts as left out, wrong types name the path and what came", () => {
  assertEquals(optionalString({ a: null }, "a", "params"), undefined);
  assertInputError(
    () => optionalString({ a: 5 }, "a", "params"),
    "params.a must be a string; got the number 5",
  );
  assertInputError(
    () => optionalInteger({ n: 1.5 }, "n", "params", { min: 0, max: 9 }),
    "params.n must be an integer from 0 to 9; got the number 1.5",
  );
  assertInputError(
    () => readEnum("x", "params.kind", ["a", "b", "c"]),
    'params.kind must be one of "a", "b" or "c"; got the string "x"',
  );
  assertInputError(
    () => readObject([1], "params"),
    "params must be an object; got an array",
  );
  assertEquals(
    readDecimal("-9223372036854775808", "id"),
    "-9223372036854775808",
  );
  assertInputError(
    () => readDecimal("9223372036854775808", "id"),
    'id must be a 64-bit integer written as a decimal string; got the string "9223372036854775808"',
  );
});

Deno.test("toChatId: numbers are marked ids, strings are me, usernames, links or phone numbers", () => {
  assertStrictEquals(toChatId(123, "chatId"), 123);
  assertStrictEquals(toChatId(-1001234567890, "chatId"), -1001234567890);
  assertStrictEquals(toChatId(-42, "chatId"), -42);
  assertStrictEquals(toChatId("me", "chatId"), "me");
  for (
    const link of [
      "durov",
      "@durov",
      " @durov ",
      "https://t.me/durov",
      "t.me/durov/12",
      "telegram.me/durov",
      "https://telegram.dog/durov",
      "durov.t.me",
    ]
  ) {
    assertStrictEquals(toChatId(link, "chatId"), "durov", link);
  }
  assertStrictEquals(toChatId("+1 555 123-45", "chatId"), "+155512345");
  assertStrictEquals(toChatId("15551234567", "chatId"), "+15551234567");
  // mtcute would read a bare "self" as the account itself.
  assertStrictEquals(toChatId("self", "chatId"), "@self");
});

Deno.test("toChatId: refusals name the path", () => {
  assertInputError(
    () => toChatId("-100123", "chatId"),
    'chatId: invalid username "-100123"; chatId must be a chat: its id (a JSON number, e.g. -1001234567890), "me", a username (optionally with @ or as a t.me link) or a phone number starting with "+" or a digit',
  );
  for (const bad of ["a__b", "durov_", "https://example.com/durov", ""]) {
    assertThrowsWithMessage(
      () => toChatId(bad, "chatId"),
      InputError,
      "chatId: invalid username",
    );
  }
  assertThrowsWithMessage(
    () => toChatId(true, "params.sendAs"),
    InputError,
    "params.sendAs must be a chat",
    "got true",
  );
  assertThrowsWithMessage(
    () => toChatId(1.5, "chatId"),
    InputError,
    "got the number 1.5",
  );
  assertInputError(
    () => toChatId(0, "chatId"),
    "chatId: 0 is not a chat id (users are positive, basic groups negative, channels and supergroups -100…)",
  );
  assertThrowsWithMessage(
    () => toChatId("+12ab", "chatId"),
    InputError,
    'chatId: "+12ab" is not a phone number',
  );
});

Deno.test("resolveChatId: phone numbers go through resolvePhoneNumber, the rest as they are", async () => {
  const asked: string[] = [];
  const client = {
    resolvePhoneNumber(phone: string) {
      asked.push(phone);
      return Promise.resolve({ _: "inputPeerSelf" } as const);
    },
  };
  assertEquals(await resolveChatId(client, "+15551234567"), {
    _: "inputPeerSelf",
  });
  assertEquals(await resolveChatId(client, "durov"), "durov");
  assertEquals(await resolveChatId(client, -42), -42);
  assertEquals(asked, ["+15551234567"]);
});

Deno.test("withPhonesResolved: phone numbers inside a params object are resolved at the given keys only", async () => {
  const asked: string[] = [];
  const client = {
    resolvePhoneNumber(phone: string) {
      asked.push(phone);
      return Promise.resolve({ _: "inputPeerSelf" } as const);
    },
  };
  const options = {
    chatId: "+15550001",
    fromUser: "durov",
    query: "+15550002",
    limit: 5,
  };
  assertEquals(
    await withPhonesResolved(client, options, ["chatId", "fromUser"]),
    {
      chatId: { _: "inputPeerSelf" },
      fromUser: "durov",
      query: "+15550002",
      limit: 5,
    },
  );
  assertEquals(asked, ["+15550001"]);
  assertEquals(options.chatId, "+15550001", "the input is left as it was");
});

Deno.test("toInputFile: file ids, http(s) URLs and attached parts", () => {
  const id = documentFileId();
  assertStrictEquals(toInputFile(id, "document"), id);
  assertStrictEquals(toInputFile(photoFileId(), "photo"), photoFileId());
  assertStrictEquals(
    toInputFile("https://example.com/cat.jpg", "photo"),
    "https://example.com/cat.jpg",
  );
  // mtcute spots URLs by a lower-case scheme only.
  assertStrictEquals(
    toInputFile("HTTP://Example.com/a", "photo"),
    "http://example.com/a",
  );
  const attached = attachedFile();
  const bytes = toInputFile(attached, "photo");
  assertStrictEquals(bytes, attached.file);
  assertEquals(metadataOf(bytes), {
    fileName: "cat.jpg",
    mimeType: "image/jpeg",
    fileSize: 3,
  });
  // Its own results are taken back as they are.
  assertStrictEquals(toInputFile(bytes, "photo"), bytes);
});

Deno.test("toInputFile: local paths, other schemes and non-strings are refused", () => {
  const what =
    'a file: a file id, an http(s) URL, or {"_": "file", "field": "<part name>"} naming a multipart file part';
  assertInputError(
    () => toInputFile("/etc/passwd", "photo"),
    `photo must be ${what}; got the string "/etc/passwd", which is none of these (local paths and URLs of other schemes are not accepted)`,
  );
  assertInputError(
    () => toInputFile("file:/etc/passwd", "photo"),
    `photo must be ${what}; got a file: URL, and only http(s) URLs are accepted`,
  );
  assertInputError(
    () => toInputFile("ftp://x", "photo"),
    `photo must be ${what}; got a ftp: URL, and only http(s) URLs are accepted`,
  );
  assertInputError(
    () => toInputFile("", "photo"),
    `photo must be ${what}; got the string ""`,
  );
  assertInputError(
    () => toInputFile(5, "photo"),
    `photo must be ${what}; got the number 5`,
  );
  assertInputError(
    () => toInputFile("cat.jpg", "photo"),
    `photo must be ${what}; got the string "cat.jpg", which is none of these (local paths and URLs of other schemes are not accepted)`,
  );
  assertInputError(
    () => toInputFile({ _: "file", field: "pic" }, "photo"),
    'photo refers to the multipart file part "pic", but no file part of that name came with the request',
  );
  // A JSON body can spell an attached file, but not give it bytes.
  assertInputError(
    () => toInputFile({ kind: "attached", file: "/etc/passwd" }, "photo"),
    'photo.file must be the bytes of a multipart file part; got the string "/etc/passwd"',
  );
});

Deno.test("toMediaFile: a file id of another kind is MTKruto's Invalid file ID", () => {
  assertStrictEquals(
    toMediaFile(documentFileId("video"), "video", "video"),
    documentFileId("video"),
  );
  assertInputError(
    () => toMediaFile(photoFileId(), "document", "document"),
    "document: Invalid file ID. It is the file id of a photo, not of a document",
  );
  assertInputError(
    () => toMediaFile(documentFileId("audio"), "voice", "voice"),
    "voice: Invalid file ID. It is the file id of an audio file, not of a voice message",
  );
  // URLs have no kind to check.
  assertStrictEquals(
    toMediaFile("https://example.com/a.ogg", "voice", "voice"),
    "https://example.com/a.ogg",
  );
});

Deno.test("toThumbnail and toCachedFileId take only what Telegram can use there", () => {
  const attached = attachedFile("thumb.jpg");
  assertStrictEquals(toThumbnail(attached, "params.thumbnail"), attached.file);
  assertThrowsWithMessage(
    () => toThumbnail("https://example.com/t.jpg", "params.thumbnail"),
    InputError,
    "params.thumbnail must be a multipart file part",
    "cannot be a file id or a URL",
  );
  assertStrictEquals(
    toCachedFileId(photoFileId(), "fileId", { photo: true }),
    photoFileId(),
  );
  assertInputError(
    () => toCachedFileId(photoFileId(), "fileId", { photo: false }),
    "fileId: Invalid file ID. It is the file id of a photo; this result needs a document's",
  );
  assertInputError(
    () => toCachedFileId("https://example.com/a", "fileId", { photo: false }),
    'fileId must be a file id; got the string "https://example.com/a"',
  );
});

Deno.test("toLiveLocationAlerts: heading 1–360 and Telegram's proximity radius, 0 to 100 km, named by path", () => {
  assertEquals(
    toLiveLocationAlerts({ heading: 90, proximityAlertRadius: 100 }, "params"),
    { heading: 90, proximityNotificationRadius: 100 },
  );
  assertThrowsWithMessage(
    () => toLiveLocationAlerts({ proximityAlertRadius: 100_001 }, "params"),
    InputError,
    "params.proximityAlertRadius",
  );
  assertThrowsWithMessage(
    () => toLiveLocationAlerts({ heading: 0 }, "params"),
    InputError,
    "params.heading",
  );
});
