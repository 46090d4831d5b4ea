import {
  assert,
  assertEquals,
  assertStrictEquals,
  rejection,
} from "../../assert.ts";
import { Long, type tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import {
  botSession,
  FakeSession,
  inputPeer,
  invoke,
  userSession,
} from "./_testing.ts";
import { World } from "./world.ts";

const PART = 512 * 1024;

async function upload(
  world: World,
  session: FakeSession,
  bytes: Uint8Array,
  fileId: Long,
): Promise<number> {
  const parts = Math.ceil(bytes.length / PART);
  for (let part = 0; part < parts; part++) {
    const ok = await invoke(world, session, {
      _: "upload.saveFilePart",
      fileId,
      filePart: part,
      bytes: bytes.subarray(part * PART, (part + 1) * PART),
    });
    assertStrictEquals(ok, true);
  }
  return parts;
}

async function download(
  world: World,
  session: FakeSession,
  location: tl.TypeInputFileLocation,
  size: number,
) {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < size; offset += 1024 * 1024) {
    const file = await invoke(world, session, {
      _: "upload.getFile",
      location,
      offset,
      limit: 1024 * 1024,
    });
    assertStrictEquals(file._, "upload.file");
    chunks.push((file as tl.upload.RawFile).bytes);
  }
  return new Uint8Array(chunks.flatMap((chunk) => [...chunk]));
}

Deno.test("an uploaded document comes back byte for byte, to the recipient too", async () => {
  const world = new World();
  const user = world.state.accounts.createUser({
    phone: "15550100",
    firstName: "Ann",
  });
  const { bot, session: botMain } = await botSession(world);
  const userMain = userSession(user.id);
  const noise = crypto.getRandomValues(new Uint8Array(65536));
  const big = new Uint8Array(1_300_000).map((_, i) =>
    noise[i % noise.length] ^ (i >> 16)
  );
  const fileId = Long.fromNumber(42);
  const parts = await upload(world, userMain, big, fileId);
  const sent = await invoke(world, userMain, {
    _: "messages.sendMedia",
    peer: inputPeer(world, user.id, bot.id),
    media: {
      _: "inputMediaUploadedDocument",
      file: {
        _: "inputFile",
        id: fileId,
        parts,
        name: "data.bin",
        md5Checksum: "",
      },
      mimeType: "application/octet-stream",
      attributes: [],
    },
    message: "here",
    randomId: Long.fromNumber(1),
  });
  assertStrictEquals(sent._, "updates");
  const botCopy = world.state.mailboxes.chat(bot.id, user.id)[0];
  assert(
    botCopy.media?._ === "messageMediaDocument" &&
      botCopy.media.document?._ === "document",
  );
  const document = botCopy.media.document;
  assertEquals(document.attributes, [{
    _: "documentAttributeFilename",
    fileName: "data.bin",
  }]);
  const location: tl.RawInputDocumentFileLocation = {
    _: "inputDocumentFileLocation",
    id: document.id,
    accessHash: document.accessHash,
    fileReference: document.fileReference,
    thumbSize: "",
  };
  assertEquals(
    await download(world, botMain, location, document.size),
    big,
  );
});

Deno.test("upload.getFile enforces Telegram's offset and limit rules", async () => {
  const world = new World();
  const user = world.state.accounts.createUser({
    phone: "15550100",
    firstName: "Ann",
  });
  const session = userSession(user.id);
  const png = new Uint8Array(5000);
  png.set([0x89, 0x50, 0x4e, 0x47], 0);
  new DataView(png.buffer).setUint32(16, 640);
  new DataView(png.buffer).setUint32(20, 480);
  const parts = await upload(world, session, png, Long.fromNumber(7));
  const media = await invoke(world, session, {
    _: "messages.uploadMedia",
    peer: { _: "inputPeerSelf" },
    media: {
      _: "inputMediaUploadedPhoto",
      file: {
        _: "inputFile",
        id: Long.fromNumber(7),
        parts,
        name: "a.png",
        md5Checksum: "",
      },
    },
  });
  assert(media._ === "messageMediaPhoto" && media.photo?._ === "photo");
  // Telegram's s/m/x boxes, never upscaled; every size serves the original
  assertEquals(media.photo.sizes, [
    { _: "photoSize", type: "s", w: 100, h: 75, size: 5000 },
    { _: "photoSize", type: "m", w: 320, h: 240, size: 5000 },
    { _: "photoSize", type: "x", w: 640, h: 480, size: 5000 },
  ]);
  const { id, accessHash, fileReference } = media.photo;
  const location: tl.RawInputPhotoFileLocation = {
    _: "inputPhotoFileLocation",
    id,
    accessHash,
    fileReference,
    thumbSize: "x",
  };
  const get = (offset: number, limit: number, precise = false) =>
    invoke(world, session, {
      _: "upload.getFile",
      location,
      offset,
      limit,
      precise,
    });
  const reject = (promise: Promise<unknown>, text: string) =>
    rejection(
      promise,
      (e: unknown) => e instanceof RpcFailure && e.text === text,
    );
  await reject(get(0, 1000), "LIMIT_INVALID");
  await reject(get(0, 3 * 4096), "LIMIT_INVALID");
  await reject(get(100, 4096), "OFFSET_INVALID");
  await reject(get(0, 2 * 1024 * 1024), "LIMIT_INVALID");
  assertStrictEquals(
    ((await get(4096, 4096)) as tl.upload.RawFile).bytes.length,
    5000 - 4096,
  );
  assertStrictEquals(
    ((await get(1024, 3072, true)) as tl.upload.RawFile).bytes.length,
    3072,
  );
  await reject(
    invoke(world, session, {
      _: "upload.getFile",
      location: { ...location, accessHash: Long.ZERO },
      offset: 0,
      limit: 4096,
    }),
    "PHOTO_INVALID",
  );
});
