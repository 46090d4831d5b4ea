/** InlineQueryResult kinds that send their own media, by URL and stored on Telegram (methods.md §A.1; MTKruto 0.216's rules). */
import { renderInlineQueryResult } from "../../src/mtkruto/types/inline_query_result.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import { assert, assertEquals, assertThrows } from "../assert.ts";
import { parseFileId, tdFileId } from "./_mtcute_file_id.ts";
import {
  assertRendersAs,
  long,
  tlDocument,
  tlPhoto,
} from "./_mtkruto_fixtures.ts";
import {
  AUDIO,
  auto,
  byUrl,
  CAPTION,
  DOCUMENT_ID,
  RENDERED_KEYBOARD,
  stored,
  THUMB_URL,
  URL,
  VIDEO,
  VOICE,
  web,
} from "./_mtkruto_inline_fixtures.ts";
import { SAMPLE_PHOTO } from "./_mtkruto_samples.ts";

Deno.test("photo by URL: size from the content's attributes, thumbnail URL, caption as messageContent", () => {
  assertRendersAs(
    renderInlineQueryResult(byUrl("photo", auto(), {
      title: "Tea",
      description: "A cup",
      thumb: web(THUMB_URL, "image/jpeg"),
      content: web(URL, "image/jpeg", [
        { _: "documentAttributeImageSize", w: 800, h: 600 },
        { _: "documentAttributeFilename", fileName: "tea.jpg" },
      ]),
    })),
    {
      id: "r1",
      type: "photo",
      title: "Tea",
      description: "A cup",
      url: URL,
      messageContent: CAPTION,
      replyMarkup: RENDERED_KEYBOARD,
      thumbnailUrl: THUMB_URL,
      width: 800,
      height: 600,
    },
  );
  // No caption, keyboard, thumbnail or size: only the required keys.
  assertRendersAs(
    renderInlineQueryResult(
      byUrl(
        "photo",
        auto({ message: "", entities: undefined, replyMarkup: undefined }),
        {
          content: web(URL, "image/jpeg"),
        },
      ),
    ),
    { id: "r1", type: "photo", title: "", url: URL },
  );
});

Deno.test("cachedPhoto: the stored photo's file id, smaller sizes as thumbnails, size of the largest", () => {
  assertRendersAs(
    renderInlineQueryResult(
      stored("photo", { photo: tlPhoto() }, {
        title: "Tea",
        description: "A cup",
      }),
    ),
    {
      id: "r1",
      type: "cachedPhoto",
      title: "Tea",
      description: "A cup",
      fileId: SAMPLE_PHOTO.fileId,
      messageContent: CAPTION,
      replyMarkup: RENDERED_KEYBOARD,
      thumbnails: SAMPLE_PHOTO.thumbnails,
      width: 1280,
      height: 960,
    },
  );
  assertThrows(
    () =>
      renderInlineQueryResult(
        stored("photo", { photo: { _: "photoEmpty", id: long(1) } }),
      ),
    RenderError,
  );
});

Deno.test("audio and cachedAudio: performer and duration from the audio attribute", () => {
  assertRendersAs(
    renderInlineQueryResult(byUrl("audio", auto(), {
      title: "Tea Song",
      content: web("https://example.org/tea.mp3", "audio/mpeg", [AUDIO]),
    })),
    {
      id: "r1",
      type: "audio",
      title: "Tea Song",
      url: "https://example.org/tea.mp3",
      messageContent: CAPTION,
      replyMarkup: RENDERED_KEYBOARD,
      performer: "The Kettles",
      audioDuration: 215,
    },
  );
  assertRendersAs(
    renderInlineQueryResult(
      stored("audio", { document: tlDocument([AUDIO]) }, {
        sendMessage: auto({ message: "" }),
      }),
    ),
    {
      id: "r1",
      type: "cachedAudio",
      title: "",
      fileId: DOCUMENT_ID,
      replyMarkup: RENDERED_KEYBOARD,
      performer: "The Kettles",
      audioDuration: 215,
    },
  );
});

Deno.test("voice and cachedVoice: the duration, and the thumbnail URL of a result by URL", () => {
  assertRendersAs(
    renderInlineQueryResult(byUrl("voice", auto({ replyMarkup: undefined }), {
      title: "Hello",
      thumb: web(THUMB_URL, "image/jpeg"),
      content: web("https://example.org/hi.ogg", "audio/ogg", [VOICE]),
    })),
    {
      id: "r1",
      type: "voice",
      title: "Hello",
      url: "https://example.org/hi.ogg",
      messageContent: CAPTION,
      thumbnailUrl: THUMB_URL,
      voiceDuration: 7,
    },
  );
  assertRendersAs(
    renderInlineQueryResult(
      stored("voice", { document: tlDocument([VOICE]) }, { title: "Hello" }),
    ),
    {
      id: "r1",
      type: "cachedVoice",
      title: "Hello",
      fileId: DOCUMENT_ID,
      messageContent: CAPTION,
      replyMarkup: RENDERED_KEYBOARD,
      voiceDuration: 7,
    },
  );
});

Deno.test("gif, mpeg4Gif and their cached kinds: size and duration from the video attribute", () => {
  for (
    const [type, cached] of [["gif", "cachedGif"], [
      "mpeg4Gif",
      "cachedMpeg4Gif",
    ]]
  ) {
    assertRendersAs(
      renderInlineQueryResult(byUrl(type, auto(), {
        title: "Steam",
        thumb: web(THUMB_URL, "image/jpeg"),
        content: web("https://example.org/steam.mp4", "video/mp4", [VIDEO]),
      })),
      {
        id: "r1",
        type,
        title: "Steam",
        url: "https://example.org/steam.mp4",
        messageContent: CAPTION,
        replyMarkup: RENDERED_KEYBOARD,
        thumbnailUrl: THUMB_URL,
        width: 640,
        height: 360,
        duration: 12.5,
      },
    );
    assertRendersAs(
      renderInlineQueryResult(
        stored(type, { document: tlDocument([VIDEO]) }, {
          sendMessage: auto({ message: "", replyMarkup: undefined }),
        }),
      ),
      {
        id: "r1",
        type: cached,
        title: "",
        fileId: DOCUMENT_ID,
        width: 640,
        height: 360,
        duration: 12.5,
      },
    );
  }
});

Deno.test("video and cachedVideo: the content's MIME type (video/mp4 for a stored one), size and duration", () => {
  assertRendersAs(
    renderInlineQueryResult(byUrl("video", auto(), {
      title: "Brewing",
      description: "How to",
      thumb: web(THUMB_URL, "image/jpeg"),
      content: web("https://example.org/brew.webm", "video/webm", [VIDEO]),
    })),
    {
      id: "r1",
      type: "video",
      title: "Brewing",
      description: "How to",
      url: "https://example.org/brew.webm",
      messageContent: CAPTION,
      replyMarkup: RENDERED_KEYBOARD,
      mimeType: "video/webm",
      thumbnailUrl: THUMB_URL,
      width: 640,
      height: 360,
      videoDuration: 12.5,
    },
  );
  assertRendersAs(
    renderInlineQueryResult(
      stored("video", {
        document: tlDocument([VIDEO], { mimeType: "video/quicktime" }),
      }, { title: "Brewing", description: "How to" }),
    ),
    {
      id: "r1",
      type: "cachedVideo",
      title: "Brewing",
      description: "How to",
      fileId: DOCUMENT_ID,
      messageContent: CAPTION,
      replyMarkup: RENDERED_KEYBOARD,
      mimeType: "video/mp4",
      width: 640,
      height: 360,
      videoDuration: 12.5,
    },
  );
});

Deno.test('document and cachedDocument: type before id, for MTProto\'s "file" type too', () => {
  assertRendersAs(
    renderInlineQueryResult(byUrl("file", auto(), {
      title: "Menu",
      description: "not read back",
      thumb: web(THUMB_URL, "image/jpeg"),
      content: web("https://example.org/menu.pdf", "application/pdf"),
    })),
    {
      type: "document",
      id: "r1",
      title: "Menu",
      url: "https://example.org/menu.pdf",
      messageContent: CAPTION,
      replyMarkup: RENDERED_KEYBOARD,
      thumbnailUrl: THUMB_URL,
    },
  );
  assertRendersAs(
    renderInlineQueryResult(
      stored("document", { document: tlDocument() }, { title: "Menu" }),
    ),
    {
      type: "cachedDocument",
      id: "r1",
      title: "Menu",
      fileId: DOCUMENT_ID,
      messageContent: CAPTION,
      replyMarkup: RENDERED_KEYBOARD,
    },
  );
});

Deno.test("sticker: a stored one by file id; one by URL is refused", () => {
  const sticker = tlDocument([{
    _: "documentAttributeSticker",
    alt: "☕",
    stickerset: { _: "inputStickerSetEmpty" },
  }], { mimeType: "image/webp" });
  assertRendersAs(
    renderInlineQueryResult(
      stored("sticker", { document: sticker }, {
        sendMessage: auto({ message: "" }),
      }),
    ),
    {
      id: "r1",
      type: "sticker",
      fileId: DOCUMENT_ID,
      replyMarkup: RENDERED_KEYBOARD,
    },
  );
  assertThrows(
    () =>
      renderInlineQueryResult(byUrl("sticker", auto(), {
        content: web("https://example.org/s.webp", "image/webp"),
      })),
    RenderError,
  );
});

Deno.test("a stored document's file id is a plain document's whatever the result type, as MTKruto writes it", () => {
  const audio = renderInlineQueryResult(
    stored("audio", { document: tlDocument([AUDIO]) }),
  ) as { fileId: string };
  const parsed = parseFileId(audio.fileId);
  assertEquals(parsed.type, tdFileId.FileType.Document);
  assert(parsed.location._ === "common");
  assertEquals(parsed.location.id, tlDocument().id);
  assertEquals(parsed.dcId, 2);
});
