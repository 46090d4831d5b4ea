import { assert, assertEquals, assertStrictEquals } from "../../assert.ts";
import type { tl } from "@mtcute/core";
import { botChatSetup, sendMedia } from "./_bots_testing.ts";
import { rpcError } from "./_chats_testing.ts";

async function placesSetup() {
  const setup = await botChatSetup();
  const { world, botMain, userPeer, user, bot } = setup;
  const send = (media: tl.TypeInputMedia) =>
    sendMedia(world, botMain, userPeer, media);
  const deliver = async (media: tl.TypeInputMedia) => {
    await send(media);
    return world.state.mailboxes.chat(user.id, bot.id).at(-1)!.media!;
  };
  return { ...setup, send, deliver };
}

const point: tl.RawInputGeoPoint = {
  _: "inputGeoPoint",
  lat: 52.5,
  long: 13.4,
};

Deno.test("locations, live locations and venues", async () => {
  const { deliver, send } = await placesSetup();
  const geo = await deliver({ _: "inputMediaGeoPoint", geoPoint: point });
  assert(geo._ === "messageMediaGeo" && geo.geo._ === "geoPoint");
  assertEquals([geo.geo.lat, geo.geo.long], [52.5, 13.4]);

  const live = await deliver({
    _: "inputMediaGeoLive",
    geoPoint: point,
    heading: 90,
  });
  assert(live._ === "messageMediaGeoLive");
  // Telegram's default period
  assertEquals([live.period, live.heading], [900, 90]);
  assertStrictEquals(
    await rpcError(
      send({ _: "inputMediaGeoLive", geoPoint: point, period: 5 }),
    ),
    "PERIOD_INVALID",
  );
  assertStrictEquals(
    await rpcError(send({
      _: "inputMediaGeoPoint",
      geoPoint: { _: "inputGeoPoint", lat: 95, long: 0 },
    })),
    "GEO_POINT_INVALID",
  );

  const venue = await deliver({
    _: "inputMediaVenue",
    geoPoint: point,
    title: "Cafe",
    address: "Main st 1",
    provider: "foursquare",
    venueId: "v1",
    venueType: "food",
  });
  assert(venue._ === "messageMediaVenue");
  assertEquals([venue.title, venue.address, venue.venueId], [
    "Cafe",
    "Main st 1",
    "v1",
  ]);
});

Deno.test("contacts name the account with the phone; dice roll in the emoji's range", async () => {
  const { deliver, send, user } = await placesSetup();
  const known = await deliver({
    _: "inputMediaContact",
    phoneNumber: "+1 555 0100",
    firstName: "Ann",
    lastName: "",
    vcard: "",
  });
  assert(known._ === "messageMediaContact");
  assertStrictEquals(known.userId, user.id);
  const stranger = await deliver({
    _: "inputMediaContact",
    phoneNumber: "+1 555 0199",
    firstName: "Zed",
    lastName: "Z",
    vcard: "",
  });
  assert(stranger._ === "messageMediaContact");
  assertStrictEquals(stranger.userId, 0);

  for (const [emoticon, faces] of [["🎲", 6], ["🏀", 5], ["🎰", 64]] as const) {
    for (let roll = 0; roll < 10; roll++) {
      const dice = await deliver({ _: "inputMediaDice", emoticon });
      assert(dice._ === "messageMediaDice" && dice.emoticon === emoticon);
      assert(dice.value >= 1 && dice.value <= faces, `${dice.value}`);
    }
  }
  assertStrictEquals(
    await rpcError(send({ _: "inputMediaDice", emoticon: "🍕" })),
    "EMOTICON_INVALID",
  );
});
