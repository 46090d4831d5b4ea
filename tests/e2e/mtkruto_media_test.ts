/**
 * End to end: every kind of MTKruto media a bot sends goes through the
 * gateway and the DC emulator and back. Each file kind is uploaded with its
 * params, comes back in MTKruto's shape (types.md §8), lands in the user's
 * box as that kind, downloads byte-identical by its fileId and sends again by
 * it; venues and albums; URLs reach Telegram as external media.
 * (The dialect test covers documents' and photos' basics, locations,
 * contacts, dice and polls.)
 */
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { readJson, startBot, withWorld } from "./harness.ts";
import type { Dc, Gateway } from "./harness.ts";
import {
  FILE_KINDS,
  type FileIds,
  MEDIA_KEYS,
  photoBytes,
  thumbBytes,
  thumbnailField,
} from "./_media_kinds.ts";
import { mp3, ogg, png } from "./_media_samples.ts";
import { callMethod as call } from "./_dialect_calls.ts";

const options = { sanitizeOps: false, sanitizeResources: false };

/** The answer's body, failing the test unless it is a 200. */
function okBody<T>(
  method: string,
  answer: { status: number; errorType: string | null; body: unknown },
): T {
  assertEquals(
    [method, answer.status, answer.errorType],
    [method, 200, null],
    `${method} answered ${JSON.stringify(answer.body)}`,
  );
  return answer.body as T;
}

/** Calls `method` with multipart `fields` (JSON arguments in order, file parts by name). */
async function callMultipart(
  gateway: Gateway,
  base: string,
  method: string,
  fields: [name: string, value: unknown][],
) {
  const form = new FormData();
  for (const [name, value] of fields) {
    form.append(name, value instanceof File ? value : JSON.stringify(value));
  }
  return await readJson(
    await gateway.fetch(`${base}/${method}`, { method: "POST", body: form }),
  );
}

/**
 * Sends `file` as the positional file argument of `method` (multipart, in
 * field order), with `params`; `parts` are further file parts the params
 * reference by name (a thumbnail).
 */
async function sendFile(
  gateway: Gateway,
  base: string,
  method: string,
  chatId: number,
  file: File,
  params: Record<string, unknown>,
  parts: Record<string, File> = {},
) {
  return await callMultipart(gateway, base, method, [
    ["chatId", chatId],
    ["file", file],
    ["params", params],
    ...Object.entries(parts),
  ]);
}

/** The bytes `download` answers for `fileId`. */
async function download(gateway: Gateway, base: string, fileId: string) {
  const response = await gateway.fetch(
    `${base}/download?${encodeURIComponent(JSON.stringify(fileId))}`,
  );
  assertEquals(response.status, 200, `download of ${fileId}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A control API message item, as far as these tests read it. */
interface BoxItem {
  id: number;
  text: string;
  groupedId?: string;
  media?: Record<string, unknown>;
}

/** The user's box with the bot, oldest first. */
async function userBox(dc: Dc, userId: number, botId: number) {
  return await dc.control<BoxItem[]>(
    "GET",
    `/messages?user=${userId}&peer=${botId}`,
  );
}

/** Picks `keys` of `object` (absent ones as undefined, so that absence is checked too). */
function pick(object: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((key) => [key, object[key]]));
}

Deno.test(
  "media: each file kind uploads with its params, comes back in MTKruto's shape, lands in the user's box as that kind, downloads byte-identical and sends again by fileId",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const base = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      const sentIds: Record<string, FileIds> = {};
      for (const kind of FILE_KINDS) {
        const parts = kind.thumbnail
          ? { [thumbnailField(kind)]: kind.thumbnail }
          : {};
        const message = okBody<Record<string, unknown>>(
          kind.method,
          await sendFile(
            gateway,
            base,
            kind.method,
            userId,
            kind.file,
            kind.params,
            parts,
          ),
        );
        assertEquals(message.type, kind.type, kind.method);
        // The media base fields (types.md §4.1), on the kinds that have them.
        assertEquals(
          pick(message, ["caption", "captionEntities", "isSpoiler"]),
          kind.caption === undefined
            ? {
              caption: undefined,
              captionEntities: undefined,
              isSpoiler: undefined,
            }
            : { caption: kind.caption, captionEntities: [], isSpoiler: false },
          kind.method,
        );
        const media = message[kind.type] as Record<string, unknown> & FileIds;
        assertEquals(
          Object.keys(media).sort(),
          ["fileId", "fileUniqueId", ...MEDIA_KEYS[kind.type]].sort(),
          kind.method,
        );
        assertEquals(
          pick(media, Object.keys(kind.media)),
          kind.media,
          kind.method,
        );
        assertMatch(media.fileId, /^[A-Za-z0-9_-]{20,}$/);
        assertMatch(media.fileUniqueId, /^[A-Za-z0-9_-]{4,}$/);
        sentIds[kind.type] ??= media;

        // The user got that kind, with the attributes our params gave it.
        const received = (await userBox(dc, userId, bot.id)).at(-1)!;
        assertEquals(received.text, kind.caption ?? "", kind.method);
        assertEquals(
          pick(received.media ?? {}, Object.keys(kind.box)),
          kind.box,
          kind.method,
        );
        if (kind.type !== "photo") {
          assertEquals(received.media?.type, "document", kind.method);
        }

        // The fileId downloads the very bytes uploaded, and so does a thumbnail's.
        assertEquals(
          await download(gateway, base, media.fileId),
          new Uint8Array(await kind.file.arrayBuffer()),
          kind.method,
        );
        if (kind.thumbnail) {
          const [thumbnail] = media.thumbnails!;
          assertEquals(
            [media.thumbnails!.length, thumbnail.width, thumbnail.height],
            [1, 90, 60],
          );
          assertEquals(
            await download(gateway, base, thumbnail.fileId),
            thumbBytes,
          );
        } else if (kind.type !== "photo") {
          assertEquals(media.thumbnails ?? [], [], kind.method);
        }

        // The fileId alone sends the same file again.
        const again = okBody<Record<string, unknown>>(
          kind.method,
          await call(gateway, base, kind.method, [userId, media.fileId]),
        );
        assertEquals(
          [again.type, (again[kind.type] as FileIds).fileUniqueId],
          [kind.type, media.fileUniqueId],
          `${kind.method} by fileId`,
        );
      }
      // A photo's sizes: the two smaller ones are its thumbnails, each downloadable.
      const photo = sentIds.photo;
      assertEquals(
        photo.thumbnails!.map((size) => [size.width, size.height]),
        [[40, 30], [40, 30]],
      );
      assertEquals(
        await download(gateway, base, photo.thumbnails![0].fileId),
        photoBytes,
      );

      // A file id of one kind is not one of another: MTKruto's "Invalid file ID.".
      for (
        const [kind, method] of [
          ["voice", "sendAudio"],
          ["audio", "sendVoice"],
          ["animation", "sendVideo"],
          ["video", "sendVideoNote"],
          ["sticker", "sendPhoto"],
          ["photo", "sendSticker"],
        ]
      ) {
        const wrong = await call(gateway, base, method, [
          userId,
          sentIds[kind].fileId,
        ]);
        assertEquals(
          [wrong.status, wrong.errorType],
          [400, "input"],
          `${kind} id to ${method}: ${JSON.stringify(wrong.body)}`,
        );
        assertMatch(String(wrong.body), /Invalid file ID/);
      }
    }),
);

/** A message of an album, as far as these tests read it. */
interface AlbumMessage {
  type: string;
  id: number;
  caption: string;
  mediaGroupId: string;
  photo?: FileIds & { width: number; height: number };
  document?: FileIds & { fileName: string };
}

Deno.test(
  "media: a venue with its Foursquare ids; albums of photos and of documents share a mediaGroupId in the result and the user's box",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const base = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      const venue = okBody<Record<string, unknown>>(
        "sendVenue",
        await call(gateway, base, "sendVenue", [
          userId,
          52.5163,
          13.3777,
          "Tea House",
          "Pariser Platz 1",
          { foursquareId: "4b0588", foursquareType: "food/teahouse" },
        ]),
      );
      assertEquals([venue.type, venue.venue], ["venue", {
        location: { latitude: 52.5163, longitude: 13.3777 },
        title: "Tea House",
        address: "Pariser Platz 1",
        foursquareId: "4b0588",
        foursquareType: "food/teahouse",
      }]);
      // MTKruto names the provider itself; Telegram stores it with the ids.
      assertEquals((await userBox(dc, userId, bot.id)).at(-1)!.media, {
        type: "venue",
        latitude: 52.5163,
        longitude: 13.3777,
        title: "Tea House",
        address: "Pariser Platz 1",
        provider: "foursquare",
        venueId: "4b0588",
        venueType: "food/teahouse",
      });

      const photos = [png(64, 48, 21), png(48, 64, 22)];
      const photoAlbum = okBody<AlbumMessage[]>(
        "sendMediaGroup",
        await callMultipart(gateway, base, "sendMediaGroup", [
          ["chatId", userId],
          ["media", [
            { type: "photo", photo: { _: "file", field: "p1" }, caption: "1" },
            { type: "photo", photo: { _: "file", field: "p2" } },
          ]],
          ["p1", new File([photos[0]], "one.png", { type: "image/png" })],
          ["p2", new File([photos[1]], "two.png", { type: "image/png" })],
        ]),
      );
      const documents = [mp3(23), ogg(24)];
      const documentAlbum = okBody<AlbumMessage[]>(
        "sendMediaGroup",
        await callMultipart(gateway, base, "sendMediaGroup", [
          ["chatId", userId],
          ["media", [
            {
              type: "document",
              document: { _: "file", field: "d1" },
              fileName: "a.mp3",
            },
            {
              type: "document",
              document: { _: "file", field: "d2" },
              caption: "2",
            },
          ]],
          ["d1", new File([documents[0]], "upload.bin")],
          ["d2", new File([documents[1]], "b.ogg", { type: "audio/ogg" })],
        ]),
      );
      assertEquals(
        photoAlbum.map((
          m,
        ) => [m.type, m.caption, m.photo!.width, m.photo!.height]),
        [["photo", "1", 64, 48], ["photo", "", 48, 64]],
      );
      // Sent as files: audio stays a document in an album of documents.
      assertEquals(
        documentAlbum.map((m) => [m.type, m.caption, m.document!.fileName]),
        [["document", "", "a.mp3"], ["document", "2", "b.ogg"]],
      );
      const box = await userBox(dc, userId, bot.id);
      for (
        const [album, files] of [[photoAlbum, photos], [
          documentAlbum,
          documents,
        ]] as const
      ) {
        const [groupId] = album.map((m) => m.mediaGroupId);
        assertMatch(groupId, /^-?\d+$/);
        assertEquals(album.map((m) => m.mediaGroupId), [groupId, groupId]);
        // The user's copies carry the same grouped_id.
        assertEquals(
          box.filter((item) => item.groupedId === groupId).map((item) =>
            item.media?.type
          ),
          album.map((m) => m.type === "photo" ? "photo" : "document"),
        );
        for (const [index, message] of album.entries()) {
          const media = (message.photo ?? message.document)!;
          assertEquals(
            await download(gateway, base, media.fileId),
            files[index],
          );
        }
      }
      assert(
        photoAlbum[0].mediaGroupId !== documentAlbum[0].mediaGroupId,
        "each album has its own group",
      );
    }),
);

Deno.test(
  "media: an http(s) URL goes to Telegram as external media, never fetched by the gateway; Telegram's failed fetch is a 400",
  options,
  () =>
    withWorld(async ({ dc, gateway, bot, userId }) => {
      const base = `/bot${bot.token}`;
      await startBot({ dc, gateway, bot, userId });
      // A web server the gateway could reach: it must never be asked.
      const requested: string[] = [];
      const server = Deno.serve(
        { hostname: "127.0.0.1", port: 0, onListen: () => {} },
        (request) => {
          requested.push(request.url);
          return new Response(png(10, 10));
        },
      );
      try {
        const url = `http://127.0.0.1:${server.addr.port}/media/tea`;
        const calls = () =>
          dc.control<string[]>("GET", `/calls?account=${bot.id}`);
        const before = await calls();
        for (
          const [method, args] of [
            ["sendPhoto", [userId, `${url}.png`]],
            ["sendDocument", [userId, `${url}.pdf`]],
            ["sendVideo", [userId, `${url}.mp4`]],
            ["sendAudio", [userId, `${url}.mp3`]],
            ["sendMediaGroup", [userId, [
              { type: "photo", photo: `${url}-1.png` },
              { type: "photo", photo: `${url}-2.png` },
            ]]],
          ] as const
        ) {
          const answer = await call(gateway, base, method, [...args]);
          assertEquals(
            [answer.status, answer.errorType],
            [400, "rpc"],
            `${method}: ${JSON.stringify(answer.body)}`,
          );
          assertMatch(String(answer.body), /WEBPAGE_CURL_FAILED/);
        }
        const made = (await calls()).slice(before.length);
        // Each URL reached Telegram in the send itself (an album's through uploadMedia), with nothing uploaded.
        assertEquals(
          made.filter((name) => name.startsWith("messages.")),
          [
            "messages.sendMedia",
            "messages.sendMedia",
            "messages.sendMedia",
            "messages.sendMedia",
            "messages.uploadMedia",
          ],
        );
        assertEquals(made.filter((name) => name.startsWith("upload.")), []);
        assertEquals(requested, []);

        // MTKruto takes no URL for a video note: refused before Telegram.
        const videoNote = await call(gateway, base, "sendVideoNote", [
          userId,
          `${url}.mp4`,
        ]);
        assertEquals([videoNote.status, videoNote.errorType], [400, "input"]);
        assertMatch(String(videoNote.body), /URL not supported/);
        const after = (await calls()).slice(before.length + made.length);
        assertEquals(
          after.filter((name) => /^(messages|upload)\./.test(name)),
          [],
        );
      } finally {
        await server.shutdown();
      }
    }),
);
