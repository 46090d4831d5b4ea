/** InlineQueryResult kinds that send a message of their own, InlineQueryAnswer (methods.md §A.1, §B.8), and the sendInlineQuery method. */
import type { tl } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import { InputError } from "../../src/errors.ts";
import {
  readArguments,
  signatureOf,
} from "../../src/mtkruto/methods/define.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";
import {
  renderInlineQueryAnswer,
  renderInlineQueryResult,
} from "../../src/mtkruto/types/inline_query_result.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
  assertThrowsWithMessage,
} from "../assert.ts";
import {
  assertRendersAs,
  long,
  tlDocument,
  tlPhoto,
} from "./_mtkruto_fixtures.ts";
import {
  auto,
  BOLD,
  botResults,
  byUrl,
  CAPTION,
  KEYBOARD,
  RENDERED_KEYBOARD,
  stored,
  THUMB_URL,
  URL,
  web,
} from "./_mtkruto_inline_fixtures.ts";

Deno.test("article from a text message: title, description, entities and keyboard, field by field", () => {
  assertRendersAs(
    renderInlineQueryResult(byUrl("article", {
      _: "botInlineMessageText",
      message: "Tea for two",
      entities: [BOLD],
      replyMarkup: KEYBOARD,
    }, {
      title: "Tea",
      description: "Hot",
      // MTKruto reads neither back for an article.
      url: "https://example.org/",
      thumb: web(THUMB_URL, "image/jpeg"),
    })),
    {
      type: "article",
      id: "r1",
      title: "Tea",
      description: "Hot",
      messageContent: {
        type: "text",
        text: "Tea for two",
        entities: [{ type: "bold", offset: 0, length: 3 }],
      },
      replyMarkup: RENDERED_KEYBOARD,
    },
  );
  // Bare: no title is "", entities are always a list.
  assertRendersAs(
    renderInlineQueryResult(
      byUrl("article", { _: "botInlineMessageText", message: "Hi" }),
    ),
    {
      type: "article",
      id: "r1",
      title: "",
      messageContent: { type: "text", text: "Hi", entities: [] },
    },
  );
});

Deno.test("article from a web-page message: a link preview of type unknown with its URL, size and position", () => {
  const page = (extra: Partial<tl.RawBotInlineMessageMediaWebPage>) =>
    renderInlineQueryResult(byUrl("article", {
      _: "botInlineMessageMediaWebPage",
      message: "See",
      url: "https://example.org/page",
      ...extra,
    }, { title: "Page" }));
  assertRendersAs(page({ forceLargeMedia: true, invertMedia: true }), {
    type: "article",
    id: "r1",
    title: "Page",
    messageContent: {
      type: "text",
      text: "See",
      entities: [],
      linkPreview: {
        type: "unknown",
        id: "",
        url: "https://example.org/page",
        mediaSize: "large",
        isAboveText: true,
      },
    },
  });
  assertRendersAs(
    page({ forceSmallMedia: true, replyMarkup: KEYBOARD }),
    {
      type: "article",
      id: "r1",
      title: "Page",
      messageContent: {
        type: "text",
        text: "See",
        entities: [],
        linkPreview: {
          type: "unknown",
          id: "",
          url: "https://example.org/page",
          mediaSize: "small",
          isAboveText: false,
        },
      },
      replyMarkup: RENDERED_KEYBOARD,
    },
  );
});

Deno.test("location: a live point with every optional field, a plain one without, an empty one refused", () => {
  const geo = (
    extra: Partial<tl.RawBotInlineMessageMediaGeo> = {},
    point: tl.TypeGeoPoint = {
      _: "geoPoint",
      lat: 51.5,
      long: -0.12,
      accessHash: long(1),
    },
  ) =>
    renderInlineQueryResult(byUrl("geo", {
      _: "botInlineMessageMediaGeo",
      geo: point,
      ...extra,
    }, { title: "Here" }));
  assertRendersAs(
    geo({
      period: 900,
      heading: 90,
      proximityNotificationRadius: 100,
      replyMarkup: KEYBOARD,
    }, {
      _: "geoPoint",
      lat: 51.5,
      long: -0.12,
      accessHash: long(1),
      accuracyRadius: 15,
    }),
    {
      type: "location",
      id: "r1",
      title: "Here",
      latitude: 51.5,
      longitude: -0.12,
      horizontalAccuracy: 15,
      livePeriod: 900,
      heading: 90,
      proximityAlertRadius: 100,
      replyMarkup: RENDERED_KEYBOARD,
    },
  );
  assertRendersAs(geo(), {
    type: "location",
    id: "r1",
    title: "Here",
    latitude: 51.5,
    longitude: -0.12,
  });
  assertThrows(() => geo({}, { _: "geoPointEmpty" }), RenderError);
});

Deno.test("venue: the result's title, the venue's place and Foursquare fields", () => {
  assertRendersAs(
    renderInlineQueryResult(byUrl("venue", {
      _: "botInlineMessageMediaVenue",
      geo: { _: "geoPoint", lat: 48.86, long: 2.35, accessHash: long(2) },
      title: "Café (venue title)",
      address: "1 Rue de Rivoli",
      provider: "foursquare",
      venueId: "4b5",
      venueType: "food/cafe",
      replyMarkup: KEYBOARD,
    }, { title: "Café" })),
    {
      type: "venue",
      id: "r1",
      title: "Café",
      latitude: 48.86,
      longitude: 2.35,
      address: "1 Rue de Rivoli",
      foursquareId: "4b5",
      foursquareType: "food/cafe",
      replyMarkup: RENDERED_KEYBOARD,
    },
  );
});

Deno.test("contact: phone and names, empty last name and vCard left out", () => {
  const contact = (
    extra: Partial<tl.RawBotInlineMessageMediaContact>,
    result: Partial<tl.RawBotInlineResult> = {},
  ) =>
    renderInlineQueryResult(byUrl("contact", {
      _: "botInlineMessageMediaContact",
      phoneNumber: "+15550001",
      firstName: "Ada",
      lastName: "",
      vcard: "",
      ...extra,
    }, result));
  assertRendersAs(
    contact({
      lastName: "Lovelace",
      vcard: "BEGIN:VCARD",
      replyMarkup: KEYBOARD,
    }, { thumb: web(THUMB_URL, "image/jpeg") }),
    {
      type: "contact",
      id: "r1",
      phoneNumber: "+15550001",
      firstName: "Ada",
      lastName: "Lovelace",
      vcard: "BEGIN:VCARD",
      thumbnailUrl: THUMB_URL,
      replyMarkup: RENDERED_KEYBOARD,
    },
  );
  assertRendersAs(contact({}), {
    type: "contact",
    id: "r1",
    phoneNumber: "+15550001",
    firstName: "Ada",
  });
});

Deno.test("results MTKruto has no kind for throw RenderError", () => {
  const unrenderable: tl.TypeBotInlineResult[] = [
    // A game: Telegram does not say its short name.
    stored("game", { document: tlDocument() }),
    // Media auto with nothing to send.
    byUrl("photo", auto()),
    stored("photo", {}),
    stored("photo", { document: { _: "documentEmpty", id: long(1) } }),
    // A media type without a kind.
    byUrl("article", auto(), { content: web(URL, "image/jpeg") }),
    byUrl("article", {
      _: "botInlineMessageMediaInvoice",
      title: "Tea",
      description: "A cup",
      currency: "USD",
      totalAmount: long(100),
    }),
  ];
  for (const result of unrenderable) {
    assertThrows(() => renderInlineQueryResult(result), RenderError);
  }
  // A stored photo with no size to name it by.
  assertThrows(
    () =>
      renderInlineQueryResult(
        stored("photo", { photo: tlPhoto({ sizes: [] }) }),
      ),
    RenderError,
  );
});

Deno.test("InlineQueryAnswer: the query id as a decimal string, results in order with unrenderable ones left out, nextOffset when given", () => {
  const article = byUrl("article", {
    _: "botInlineMessageText",
    message: "Hi",
  }, { id: "a", title: "A" });
  const game = stored("game", { document: tlDocument() }, { id: "g" });
  const photo = byUrl("photo", auto({ replyMarkup: undefined }), {
    id: "p",
    content: web(URL, "image/jpeg"),
  });
  assertRendersAs(
    renderInlineQueryAnswer(
      botResults({ results: [article, game, photo], nextOffset: "20" }),
    ),
    {
      id: "-8106258392015412345",
      results: [
        {
          type: "article",
          id: "a",
          title: "A",
          messageContent: { type: "text", text: "Hi", entities: [] },
        },
        {
          id: "p",
          type: "photo",
          title: "",
          url: URL,
          messageContent: CAPTION,
        },
      ],
      nextOffset: "20",
    },
  );
  assertRendersAs(
    renderInlineQueryAnswer(botResults({ queryId: long("42") })),
    { id: "42", results: [] },
  );
});

/** A client that records the one TL call it gets and answers it with `answer`. */
function fakeClient(answer: tl.messages.RawBotResults) {
  const calls: unknown[] = [];
  const client = {
    resolveUser: (id: unknown) =>
      Promise.resolve({ _: "inputUser", userId: id, accessHash: long(7) }),
    resolvePeer: (id: unknown) =>
      Promise.resolve({ _: "inputPeerUser", userId: id, accessHash: long(8) }),
    call: (request: unknown) => {
      calls.push(request);
      return Promise.resolve(answer);
    },
  };
  return { client: client as unknown as TelegramClient, calls };
}

Deno.test('sendInlineQuery: users only; calls messages.getInlineBotResults with the bot, the chat and query/offset ("" by default)', async () => {
  const method = dialectMethod("sendInlineQuery");
  assert(method, "sendInlineQuery is in the table");
  assertEquals(
    signatureOf(method),
    "sendInlineQuery(botId: ID, chatId: ID, params?: SendInlineQueryParams): InlineQueryAnswer",
  );
  assertThrowsWithMessage(
    () => readArguments(method, [1, 2], true),
    InputError,
    "sendInlineQuery: not a user client.",
  );
  const { client, calls } = fakeClient(botResults({ queryId: long(5) }));
  const run = (args: unknown[]) =>
    method.call(
      {
        client,
        isBot: false,
        method: method.name,
        signal: new AbortController().signal,
      },
      readArguments(method, args, false),
    );
  assertEquals(await run([6123456789, 123456789]), { id: "5", results: [] });
  assertEquals(
    await run([6123456789, 123456789, { query: "tea", offset: "10" }]),
    {
      id: "5",
      results: [],
    },
  );
  assertEquals(calls, [
    {
      _: "messages.getInlineBotResults",
      bot: { _: "inputUser", userId: 6123456789, accessHash: long(7) },
      peer: { _: "inputPeerUser", userId: 123456789, accessHash: long(8) },
      query: "",
      offset: "",
    },
    {
      _: "messages.getInlineBotResults",
      bot: { _: "inputUser", userId: 6123456789, accessHash: long(7) },
      peer: { _: "inputPeerUser", userId: 123456789, accessHash: long(8) },
      query: "tea",
      offset: "10",
    },
  ]);
  // A bad option is the caller's mistake, found before any call.
  const badOptions = [
    [{ query: 5 }, "params.query"],
    [{ offset: false }, "params.offset"],
  ] as const;
  for (const [params, path] of badOptions) {
    const error = await assertRejects(
      run([6123456789, 123456789, params]),
      InputError,
    );
    assert(error.message.includes(path), error.message);
  }
  assertEquals(calls.length, 2);
});
