/** MTKruto's text, link and non-captioned content variants (types.md §4.2–4.3), key order included. */
import type { tl } from "@mtcute/core";
import { renderLinkPreview } from "../../src/mtkruto/types/link_preview.ts";
import { renderContact, renderPhoto } from "../../src/mtkruto/types/media.ts";
import { renderPoll } from "../../src/mtkruto/types/poll.ts";
import { assertEquals } from "../assert.ts";
import { assertRendersAs, long, tlPhoto } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  CHANNEL_ID,
  peerUser,
  rendered,
  tlMediaMessage,
  tlMessage,
  variantOf,
  webPage,
} from "./_mtkruto_message_fixtures.ts";

Deno.test("text: text and entities (always, maybe []), linkPreview with a web page; unknown entity kinds dropped", () => {
  assertRendersAs(variantOf(tlMessage()), {
    type: "text",
    text: "Hello world",
    entities: [{ type: "bold", offset: 0, length: 5 }],
  });
  const media: tl.RawMessageMediaWebPage = {
    _: "messageMediaWebPage",
    webpage: webPage(),
  };
  assertRendersAs(
    variantOf(tlMessage({ entities: undefined, media, invertMedia: true })),
    {
      type: "text",
      text: "Hello world",
      entities: [],
      linkPreview: renderLinkPreview(media, true),
    },
  );
  const unknownEntity = tlMessage({
    entities: [{ _: "messageEntityUnknown", offset: 0, length: 1 }],
  });
  assertEquals(variantOf(unknownEntity).entities, []);
});

Deno.test("link: a web page without text; not loaded without a URL is unsupported", () => {
  const media: tl.RawMessageMediaWebPage = {
    _: "messageMediaWebPage",
    forceLargeMedia: true,
    webpage: webPage(),
  };
  assertRendersAs(variantOf(tlMediaMessage(media)), {
    type: "link",
    linkPreview: {
      type: "unknown",
      id: "7000000000000000001",
      url: "https://example.org/",
      mediaSize: "large",
      isAboveText: false,
    },
  });
  const noUrl = tlMediaMessage({
    _: "messageMediaWebPage",
    webpage: { _: "webPageEmpty", id: long(1) },
  });
  assertEquals(variantOf(noUrl), { type: "unsupported" });
});

Deno.test("contact carries the caption fields (MTKruto's quirk) but no spoiler", () => {
  const media: tl.RawMessageMediaContact = {
    _: "messageMediaContact",
    phoneNumber: "+15550100",
    firstName: "Ada",
    lastName: "",
    vcard: "",
    userId: ADA_ID,
  };
  assertRendersAs(variantOf(tlMediaMessage(media)), {
    type: "contact",
    caption: "",
    captionEntities: [],
    contact: renderContact(media),
  });
});

Deno.test("dice, game, invoice, venue, location: the medium's object and no caption fields", () => {
  assertRendersAs(
    variantOf(
      tlMediaMessage({ _: "messageMediaDice", value: 4, emoticon: "🎲" }),
    ),
    { type: "dice", dice: { emoji: "🎲", value: 4 } },
  );
  const game = variantOf(tlMediaMessage({
    _: "messageMediaGame",
    game: {
      _: "game",
      id: long(1),
      accessHash: long(2),
      shortName: "tetris",
      title: "Tetris",
      description: "Blocks",
      photo: tlPhoto(),
    },
  }));
  assertRendersAs(game, {
    type: "game",
    game: {
      title: "Tetris",
      description: "Blocks",
      photo: renderPhoto(tlPhoto()),
    },
  });
  assertRendersAs(
    variantOf(tlMediaMessage({
      _: "messageMediaInvoice",
      title: "Tea",
      description: "Green",
      currency: "EUR",
      totalAmount: long(350),
      startParam: "tea",
    })),
    {
      type: "invoice",
      invoice: {
        title: "Tea",
        description: "Green",
        startParameter: "tea",
        currency: "EUR",
        totalAmount: 350,
      },
    },
  );
  const geo: tl.RawGeoPoint = {
    _: "geoPoint",
    lat: 51.5,
    long: -0.12,
    accessHash: long(0),
  };
  assertRendersAs(
    variantOf(tlMediaMessage({
      _: "messageMediaVenue",
      geo,
      title: "Museum",
      address: "Exhibition Rd",
      provider: "foursquare",
      venueId: "4ac",
      venueType: "arts",
    })),
    {
      type: "venue",
      venue: {
        location: { latitude: 51.5, longitude: -0.12 },
        title: "Museum",
        address: "Exhibition Rd",
        foursquareId: "4ac",
        foursquareType: "arts",
      },
    },
  );
  assertRendersAs(
    variantOf(
      tlMediaMessage({
        _: "messageMediaGeoLive",
        geo,
        period: 900,
        heading: 90,
      }),
    ),
    {
      type: "location",
      location: {
        latitude: 51.5,
        longitude: -0.12,
        livePeriod: 900,
        heading: 90,
      },
    },
  );
});

Deno.test("poll: the poll of the medium", () => {
  const media: tl.RawMessageMediaPoll = {
    _: "messageMediaPoll",
    poll: {
      _: "poll",
      id: long("9000000000000000001"),
      question: { _: "textWithEntities", text: "Tea?", entities: [] },
      answers: [{
        _: "pollAnswer",
        text: { _: "textWithEntities", text: "Yes", entities: [] },
        option: new Uint8Array([0x30]),
      }],
      hash: long(0),
    },
    results: { _: "pollResults" },
  };
  assertRendersAs(variantOf(tlMediaMessage(media)), {
    type: "poll",
    poll: renderPoll(media, { peers: allPeers() }),
  });
});

Deno.test("checklist: title, items checked by a user or not, the others' permissions", () => {
  const title = (text: string): tl.RawTextWithEntities => ({
    _: "textWithEntities",
    text,
    entities: [],
  });
  const variant = variantOf(tlMediaMessage({
    _: "messageMediaToDo",
    todo: {
      _: "todoList",
      othersCanComplete: true,
      title: {
        _: "textWithEntities",
        text: "Errands",
        entities: [{ _: "messageEntityBold", offset: 0, length: 7 }],
      },
      list: [{ _: "todoItem", id: 1, title: title("Milk") }, {
        _: "todoItem",
        id: 2,
        title: title("Bread"),
      }],
    },
    completions: [{
      _: "todoCompletion",
      id: 2,
      completedBy: peerUser(ADA_ID),
      date: 1767225900,
    }],
  }));
  assertRendersAs(variant.checklist, {
    title: "Errands",
    titleEntities: [{ type: "bold", offset: 0, length: 7 }],
    items: [
      { type: "unchecked", id: 1, text: "Milk" },
      {
        type: "checked",
        id: 2,
        text: "Bread",
        checkedAt: 1767225900,
        checkedBy: rendered.adaUser(),
      },
    ],
    isExtendableByOthers: false,
    isCheckableByOthers: true,
  });
});

Deno.test("giveaway: parameters with marked channel ids, counts; zero stars left out", () => {
  const media: tl.RawMessageMediaGiveaway = {
    _: "messageMediaGiveaway",
    channels: [CHANNEL_ID, 1234567890],
    quantity: 3,
    months: 6,
    stars: long(0),
    untilDate: 1767300000,
  };
  assertRendersAs(variantOf(tlMediaMessage(media)), {
    type: "giveaway",
    giveaway: {
      parameters: {
        boostedChatId: -1000000000000 - CHANNEL_ID,
        additionalChatIds: [-1001234567890],
        winnerSelectionDate: 1767300000,
        onlyNewMembers: false,
        countries: [],
      },
      winnerCount: 3,
      premiumMonthCount: 6,
    },
  });
});

Deno.test("unsupported: no text and no media, an empty medium, stories, rich messages", () => {
  assertEquals(variantOf(tlMessage({ message: "", entities: undefined })), {
    type: "unsupported",
  });
  assertEquals(variantOf(tlMessage({ media: { _: "messageMediaEmpty" } })), {
    type: "unsupported",
  });
  assertEquals(
    variantOf(
      tlMediaMessage({ _: "messageMediaStory", peer: peerUser(ADA_ID), id: 4 }),
    ),
    { type: "unsupported" },
  );
  assertEquals(
    variantOf(tlMessage({
      richMessage: {
        _: "richMessage",
        blocks: [],
        photos: [],
        documents: [],
      } as unknown as tl.TypeRichMessage,
    })),
    { type: "unsupported" },
  );
});
