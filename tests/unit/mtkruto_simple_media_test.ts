/** Contact, Location, Venue, Dice, Invoice and Game rendered from TL (types.md §8), key order included. */
import type { tl } from "@mtcute/core";
import {
  renderAnimation,
  renderContact,
  renderDice,
  renderGame,
  renderInvoice,
  renderLocation,
  renderVenue,
} from "../../src/mtkruto/types/media.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import { assertStrictEquals, assertThrows } from "../assert.ts";
import {
  assertRendersAs,
  long,
  tlDocument,
  tlPhoto,
} from "./_mtkruto_fixtures.ts";
import { SAMPLE_PHOTO } from "./_mtkruto_samples.ts";

const VIDEO: tl.RawDocumentAttributeVideo = {
  _: "documentAttributeVideo",
  duration: 12.5,
  w: 1280,
  h: 720,
};
const ANIMATED: tl.RawDocumentAttributeAnimated = {
  _: "documentAttributeAnimated",
};

Deno.test("renderContact: empty last name and vcard and a zero user id are left out", () => {
  const contact: tl.RawMessageMediaContact = {
    _: "messageMediaContact",
    phoneNumber: "+441234",
    firstName: "Ada",
    lastName: "",
    vcard: "",
    userId: 0,
  };
  assertRendersAs(renderContact(contact), {
    phoneNumber: "+441234",
    firstName: "Ada",
  });
  assertRendersAs(
    renderContact({
      ...contact,
      firstName: "",
      lastName: "Lovelace",
      vcard: "BEGIN:VCARD",
      userId: 123456789,
    }),
    {
      phoneNumber: "+441234",
      firstName: "",
      lastName: "Lovelace",
      userId: 123456789,
      vcard: "BEGIN:VCARD",
    },
  );
});

Deno.test("renderLocation/renderVenue: plain and live locations; empty points throw RenderError", () => {
  const geo: tl.RawGeoPoint = {
    _: "geoPoint",
    lat: 51.5,
    long: -0.12,
    accessHash: long(1),
  };
  assertRendersAs(renderLocation({ _: "messageMediaGeo", geo }), {
    latitude: 51.5,
    longitude: -0.12,
  });
  assertRendersAs(
    renderLocation({
      _: "messageMediaGeoLive",
      geo: { ...geo, accuracyRadius: 20 },
      period: 900,
      heading: 90,
      proximityNotificationRadius: 100,
    }),
    {
      latitude: 51.5,
      longitude: -0.12,
      horizontalAccuracy: 20,
      livePeriod: 900,
      heading: 90,
      proximityAlertRadius: 100,
    },
  );
  assertRendersAs(
    renderLocation({ _: "messageMediaGeoLive", geo, period: 60 }),
    { latitude: 51.5, longitude: -0.12, livePeriod: 60 },
  );
  assertThrows(
    () => renderLocation({ _: "messageMediaGeo", geo: { _: "geoPointEmpty" } }),
    RenderError,
  );
  assertRendersAs(
    renderVenue({
      _: "messageMediaVenue",
      geo,
      title: "British Library",
      address: "96 Euston Rd",
      provider: "foursquare",
      venueId: "",
      venueType: "",
    }),
    {
      location: { latitude: 51.5, longitude: -0.12 },
      title: "British Library",
      address: "96 Euston Rd",
      foursquareId: "",
      foursquareType: "",
    },
  );
});

Deno.test("renderDice/renderInvoice: copied field by field, the amount as a number", () => {
  assertRendersAs(
    renderDice({ _: "messageMediaDice", value: 6, emoticon: "🎲" }),
    { emoji: "🎲", value: 6 },
  );
  assertRendersAs(
    renderInvoice({
      _: "messageMediaInvoice",
      title: "Tea",
      description: "A cup",
      currency: "EUR",
      totalAmount: long(350),
      startParam: "tea",
      test: true,
    }),
    {
      title: "Tea",
      description: "A cup",
      startParameter: "tea",
      currency: "EUR",
      totalAmount: 350,
    },
  );
});

Deno.test("renderGame: photo and animation; an empty document leaves the animation out, an empty photo throws", () => {
  const animation = tlDocument([VIDEO, ANIMATED], { mimeType: "video/mp4" });
  const game: tl.RawGame = {
    _: "game",
    id: long(1),
    accessHash: long(2),
    shortName: "tetris",
    title: "Tetris",
    description: "Blocks",
    photo: tlPhoto(),
    document: animation,
  };
  assertRendersAs(renderGame(game), {
    title: "Tetris",
    description: "Blocks",
    photo: SAMPLE_PHOTO,
    animation: renderAnimation(animation),
  });
  assertStrictEquals(renderGame(game).animation?.width, 1280);
  assertRendersAs(
    renderGame({ ...game, document: { _: "documentEmpty", id: long(3) } }),
    { title: "Tetris", description: "Blocks", photo: SAMPLE_PHOTO },
  );
  assertThrows(
    () => renderGame({ ...game, photo: { _: "photoEmpty", id: long(4) } }),
    RenderError,
  );
});
