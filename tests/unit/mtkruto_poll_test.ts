/** Poll, PollOption and PollMedia rendered from TL `messageMediaPoll` (types.md §11), key order included. */
import type { tl } from "@mtcute/core";
import {
  renderAnimation,
  renderPhoto,
  renderSticker,
  renderVideo,
} from "../../src/mtkruto/types/media.ts";
import { renderChatP } from "../../src/mtkruto/types/peers.ts";
import { renderPoll, renderPollOption } from "../../src/mtkruto/types/poll.ts";
import { renderPollMedia } from "../../src/mtkruto/types/poll_media.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import { assertEquals, assertStrictEquals, assertThrows } from "../assert.ts";
import {
  assertRendersAs,
  long,
  peersOf,
  tlDocument,
  tlPhoto,
  tlUser,
} from "./_mtkruto_fixtures.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

function answer(
  option: string,
  text: string,
  extra: Partial<tl.RawPollAnswer> = {},
): tl.RawPollAnswer {
  return {
    _: "pollAnswer",
    text: { _: "textWithEntities", text, entities: [] },
    option: bytes(option),
    ...extra,
  };
}

function poll(overrides: Partial<tl.RawPoll> = {}): tl.RawPoll {
  return {
    _: "poll",
    id: long("-6512345678901234567"),
    question: {
      _: "textWithEntities",
      text: "Tea or coffee?",
      entities: [{ _: "messageEntityBold", offset: 0, length: 3 }],
    },
    answers: [answer("0", "Tea"), answer("1", "Coffee")],
    hash: long(0),
    ...overrides,
  };
}

function media(
  pollOverrides: Partial<tl.RawPoll> = {},
  results: Partial<tl.RawPollResults> = {},
  attachedMedia?: tl.TypeMessageMedia,
): tl.RawMessageMediaPoll {
  return {
    _: "messageMediaPoll",
    poll: poll(pollOverrides),
    results: { _: "pollResults", ...results },
    attachedMedia,
  };
}

const VIDEO: tl.RawDocumentAttributeVideo = {
  _: "documentAttributeVideo",
  duration: 3,
  w: 640,
  h: 360,
};
const STICKER_SET: tl.RawInputStickerSetID = {
  _: "inputStickerSetID",
  id: long(11),
  accessHash: long(12),
};

Deno.test("renderPoll: a regular poll with results, every key in MTKruto's order", () => {
  assertRendersAs(
    renderPoll(media({}, {
      totalVoters: 7,
      results: [
        // Matched by option bytes, not by position.
        { _: "pollAnswerVoters", option: bytes("1"), voters: 5, chosen: true },
        { _: "pollAnswerVoters", option: bytes("0"), voters: 2 },
      ],
    })),
    {
      id: "-6512345678901234567",
      question: "Tea or coffee?",
      questionEntities: [{ type: "bold", offset: 0, length: 3 }],
      options: [
        { id: "0", text: "Tea", entities: [], voterCount: 2, isChosen: false },
        {
          id: "1",
          text: "Coffee",
          entities: [],
          voterCount: 5,
          isChosen: true,
        },
      ],
      totalVoterCount: 7,
      isClosed: false,
      isAnonymous: true,
      type: "regular",
      allowMultipleAnswers: false,
      correctOptionIndexes: [],
    },
  );
});

Deno.test("renderPoll: a closed public quiz with explanation, period, close date and countries", () => {
  const rendered = renderPoll(media({
    quiz: true,
    multipleChoice: true,
    closed: true,
    publicVoters: true,
    closePeriod: 60,
    closeDate: 1767229999,
    countriesIso2: ["DE", "FR"],
    answers: [
      answer("0", "Tea"),
      answer("1", "Coffee", {
        text: {
          _: "textWithEntities",
          text: "Coffee",
          entities: [{ _: "messageEntityItalic", offset: 0, length: 6 }],
        },
      }),
    ],
  }, {
    totalVoters: 3,
    results: [
      { _: "pollAnswerVoters", option: bytes("0"), voters: 1 },
      { _: "pollAnswerVoters", option: bytes("1"), voters: 2, correct: true },
    ],
    solution: "Obviously",
    solutionEntities: [{ _: "messageEntityUnknown", offset: 0, length: 1 }, {
      _: "messageEntityCode",
      offset: 0,
      length: 9,
    }],
  }));
  assertRendersAs(rendered, {
    id: "-6512345678901234567",
    question: "Tea or coffee?",
    questionEntities: [{ type: "bold", offset: 0, length: 3 }],
    options: [
      { id: "0", text: "Tea", entities: [], voterCount: 1, isChosen: false },
      {
        id: "1",
        text: "Coffee",
        entities: [{ type: "italic", offset: 0, length: 6 }],
        voterCount: 2,
        isChosen: false,
      },
    ],
    totalVoterCount: 3,
    isClosed: true,
    isAnonymous: false,
    type: "quiz",
    correctOptionIndexes: [1],
    explanation: "Obviously",
    explanationEntities: [{ type: "code", offset: 0, length: 9 }],
    openPeriod: 60,
    closeDate: 1767229999,
    countries: ["DE", "FR"],
  });
});

Deno.test("renderPoll: without a results list there are no correct indexes, counts are 0", () => {
  const rendered = renderPoll(media({ multipleChoice: true }));
  assertStrictEquals("correctOptionIndexes" in rendered, false);
  assertEquals(
    [rendered.totalVoterCount, rendered.allowMultipleAnswers],
    [0, true],
  );
  assertEquals(
    rendered.options.map((option) => [option.voterCount, option.isChosen]),
    [[0, false], [0, false]],
  );
});

Deno.test("renderPollOption: option bytes decode leniently; addedBy needs peers, addedAt is copied", () => {
  const odd = renderPollOption(
    { ...answer("x", "Odd"), option: Uint8Array.from([0xff, 0x31]) },
    [],
  );
  assertStrictEquals(odd.id, "\uFFFD1");
  const added = answer("2", "Juice", {
    addedBy: { _: "peerUser", userId: 123456789 },
    date: 1767225800,
  });
  const peers = peersOf(tlUser());
  assertRendersAs(renderPollOption(added, [], { peers }), {
    id: "2",
    text: "Juice",
    entities: [],
    voterCount: 0,
    isChosen: false,
    addedBy: renderChatP(tlUser()),
    addedAt: 1767225800,
  });
  assertRendersAs(renderPollOption(added, []), {
    id: "2",
    text: "Juice",
    entities: [],
    voterCount: 0,
    isChosen: false,
    addedAt: 1767225800,
  });
  assertThrows(
    () => renderPollOption(added, [], { peers: peersOf() }),
    RenderError,
  );
  assertThrows(
    () =>
      renderPollOption({
        _: "inputPollAnswer",
        text: { _: "textWithEntities", text: "x", entities: [] },
      }, []),
    RenderError,
  );
});

Deno.test("renderPoll: poll, option and explanation media", () => {
  const photo = tlPhoto();
  const gif = tlDocument([{ _: "documentAttributeAnimated" }, VIDEO]);
  const sticker = tlDocument([{
    _: "documentAttributeSticker",
    alt: "🍵",
    stickerset: STICKER_SET,
  }]);
  const geo: tl.RawGeoPoint = {
    _: "geoPoint",
    lat: 1,
    long: 2,
    accessHash: long(3),
  };
  const rendered = renderPoll(
    media(
      {
        answers: [
          answer("0", "Tea", {
            media: { _: "messageMediaDocument", document: sticker },
          }),
          answer("1", "Here", { media: { _: "messageMediaGeo", geo } }),
        ],
      },
      { solutionMedia: { _: "messageMediaDocument", document: gif } },
      { _: "messageMediaPhoto", photo },
    ),
    {
      stickerSetName: (set) => set.id.eq(STICKER_SET.id) ? "TeaSet" : undefined,
    },
  );
  assertRendersAs(rendered.media, { type: "photo", photo: renderPhoto(photo) });
  assertRendersAs(rendered.options[0].media, {
    type: "sticker",
    sticker: renderSticker(sticker, { setName: "TeaSet" }),
  });
  assertRendersAs(rendered.options[1].media, {
    type: "location",
    location: { latitude: 1, longitude: 2 },
  });
  assertRendersAs(rendered.explanationMedia, {
    type: "animation",
    animation: renderAnimation(gif),
  });
  const keys = Object.keys(rendered);
  assertEquals(keys.slice(0, 5), [
    "id",
    "question",
    "questionEntities",
    "media",
    "options",
  ]);
  assertStrictEquals(keys.at(-1), "explanationMedia");
});

Deno.test("renderPollMedia: photos with videos are live photos, videos alone are videos, venues", () => {
  const photo = tlPhoto();
  const video = tlDocument([
    VIDEO,
    { _: "documentAttributeFilename", fileName: "clip.mp4" },
  ]);
  assertRendersAs(
    renderPollMedia({ _: "messageMediaPhoto", photo, video }),
    { type: "livePhoto", photo: renderPhoto(photo), video: renderVideo(video) },
  );
  assertStrictEquals(renderVideo(video).fileName, "clip.mp4");
  assertRendersAs(
    renderPollMedia({ _: "messageMediaPhoto", video }),
    { type: "video", video: renderVideo(video) },
  );
  assertRendersAs(
    renderPollMedia({ _: "messageMediaDocument", document: video }),
    { type: "video", video: renderVideo(video) },
  );
  assertRendersAs(
    renderPollMedia({
      _: "messageMediaVenue",
      geo: { _: "geoPoint", lat: 1, long: 2, accessHash: long(3) },
      title: "Café",
      address: "Main St",
      provider: "foursquare",
      venueId: "4b0",
      venueType: "food/cafe",
    }),
    {
      type: "venue",
      venue: {
        location: { latitude: 1, longitude: 2 },
        title: "Café",
        address: "Main St",
        foursquareId: "4b0",
        foursquareType: "food/cafe",
      },
    },
  );
});

Deno.test("renderPollMedia: links need context.linkPreview (else left out); kinds MTKruto lacks throw", () => {
  const link: tl.RawMessageMediaWebPage = {
    _: "messageMediaWebPage",
    webpage: {
      _: "webPage",
      id: long(9),
      url: "https://example.org/",
      displayUrl: "example.org",
      hash: 0,
    },
  };
  const preview = { type: "unknown", id: "9", url: "https://example.org/" };
  assertRendersAs(renderPollMedia(link, { linkPreview: () => preview }), {
    type: "link",
    url: "https://example.org/",
    linkPreview: preview,
  });
  assertStrictEquals(renderPollMedia(link), undefined);
  const withLink = renderPoll(media({}, {}, link));
  assertStrictEquals("media" in withLink, false);
  assertThrows(
    () =>
      renderPollMedia({
        _: "messageMediaWebPage",
        webpage: { _: "webPageEmpty", id: long(1) },
      }),
    RenderError,
  );
  assertThrows(
    () => renderPollMedia({ _: "messageMediaDice", value: 1, emoticon: "🎲" }),
    RenderError,
  );
  assertThrows(
    () =>
      renderPollMedia({
        _: "messageMediaDocument",
        document: tlDocument([{
          _: "documentAttributeFilename",
          fileName: "a.pdf",
        }]),
      }),
    RenderError,
  );
  assertThrows(
    () => renderPollMedia({ _: "messageMediaPhoto" }),
    RenderError,
  );
});
