/** MTKruto's LinkPreview from TL web page media (types.md §13), key order included. */
import type { tl } from "@mtcute/core";
import { documentFileIds } from "../../src/mtkruto/types/file_id.ts";
import { renderLinkPreview } from "../../src/mtkruto/types/link_preview.ts";
import {
  renderAudio,
  renderDocument,
  renderPhoto,
} from "../../src/mtkruto/types/media.ts";
import { assertEquals } from "../assert.ts";
import {
  assertRendersAs,
  long,
  tlDocument,
  tlPhoto,
} from "./_mtkruto_fixtures.ts";
import { videoDocument, webPage } from "./_mtkruto_message_fixtures.ts";

const ID = "7000000000000000001";
const URL = "https://example.org/";
const LOADED = { id: ID, url: URL, mediaSize: "small", isAboveText: false };

const preview = (
  webpage: tl.TypeWebPage,
  extra: Partial<tl.RawMessageMediaWebPage> = {},
  above = false,
) => renderLinkPreview({ _: "messageMediaWebPage", webpage, ...extra }, above);

Deno.test("loading and notLoaded pages: id, url when known, size and position", () => {
  assertRendersAs(
    preview(
      { _: "webPagePending", id: long(ID), url: URL, date: 1767225600 },
      {},
      true,
    ),
    {
      type: "loading",
      id: ID,
      date: 1767225600,
      url: URL,
      mediaSize: "small",
      isAboveText: true,
    },
  );
  assertRendersAs(
    preview({ _: "webPageEmpty", id: long(ID) }, { forceLargeMedia: true }),
    {
      type: "notLoaded",
      id: ID,
      mediaSize: "large",
      isAboveText: false,
    },
  );
  assertEquals(preview({ _: "webPageNotModified" }), undefined);
});

Deno.test("ordinary pages are unknown, whatever their photo; telegram_nft pages too (no Gift renderer)", () => {
  assertRendersAs(preview(webPage({ type: "article", photo: tlPhoto() })), {
    type: "unknown",
    ...LOADED,
  });
  assertRendersAs(preview(webPage({ type: "telegram_nft" })), {
    type: "unknown",
    ...LOADED,
  });
});

Deno.test("video pages: embedded player, video file (with start time and cover), external player, photo", () => {
  assertRendersAs(
    preview(webPage({
      type: "video",
      embedType: "iframe",
      embedUrl: "https://example.org/embed",
      embedWidth: 640,
      embedHeight: 360,
      duration: 30,
      photo: tlPhoto(),
    })),
    {
      type: "embeddedVideo",
      ...LOADED,
      embedUrl: "https://example.org/embed",
      width: 640,
      height: 360,
      duration: 30,
      thumbnail: renderPhoto(tlPhoto()),
    },
  );
  const video = videoDocument();
  assertRendersAs(
    preview(
      webPage({
        type: "video",
        url: `${URL}?t=42`,
        document: video,
        videoCoverPhoto: true,
        photo: tlPhoto(),
      }),
    ),
    {
      type: "video",
      id: ID,
      url: `${URL}?t=42`,
      mediaSize: "small",
      isAboveText: false,
      video: { ...renderDocument(video), ...documentFileIds(video, "video") },
      startTimestamp: 42,
      thumbnail: renderPhoto(tlPhoto()),
    },
  );
  const noCover = preview(
    webPage({
      type: "video",
      url: `${URL}?t=1m`,
      document: video,
      photo: tlPhoto(),
    }),
  );
  assertEquals(
    Object.keys(noCover ?? {}).slice(-1),
    ["video"],
    "no start time, no cover thumbnail",
  );
  assertRendersAs(
    preview(
      webPage({
        type: "video",
        embedUrl: "https://cdn.example/v.mp4",
        embedType: "video/mp4",
      }),
    ),
    {
      type: "externalVideo",
      ...LOADED,
      embedUrl: "https://cdn.example/v.mp4",
      mimeType: "video/mp4",
      width: 0,
      height: 0,
      duration: 0,
    },
  );
  assertRendersAs(preview(webPage({ type: "video", photo: tlPhoto() })), {
    type: "photo",
    ...LOADED,
    photo: renderPhoto(tlPhoto()),
  });
  assertRendersAs(preview(webPage({ type: "video" })), {
    type: "unknown",
    ...LOADED,
  });
});

Deno.test("audio pages: embedded player, audio file, external player, photo (an empty document counts as none)", () => {
  assertRendersAs(
    preview(
      webPage({
        type: "audio",
        embedType: "iframe",
        embedUrl: "https://e/",
        duration: 5,
      }),
    ),
    {
      type: "embeddedAudio",
      ...LOADED,
      embedUrl: "https://e/",
      width: 0,
      height: 0,
      duration: 5,
    },
  );
  const song = tlDocument([{ _: "documentAttributeAudio", duration: 200 }], {
    mimeType: "audio/mpeg",
  });
  assertRendersAs(preview(webPage({ type: "audio", document: song })), {
    type: "audio",
    ...LOADED,
    audio: renderAudio(song),
  });
  assertRendersAs(
    preview(
      webPage({
        type: "audio",
        embedUrl: "https://e/a.mp3",
        embedType: "audio/mpeg",
      }),
    ),
    {
      type: "externalAudio",
      ...LOADED,
      embedUrl: "https://e/a.mp3",
      mimeType: "audio/mpeg",
      width: 0,
      height: 0,
      duration: 0,
    },
  );
  assertRendersAs(
    preview(
      webPage({
        type: "audio",
        document: { _: "documentEmpty", id: long(1) },
        photo: tlPhoto(),
      }),
    ),
    { type: "photo", ...LOADED, photo: renderPhoto(tlPhoto()) },
  );
});
