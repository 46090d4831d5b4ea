/** UserStatus, EmojiStatus and the color rule of ChatP/User (types.md §5.1). */
import type { tl } from "@mtcute/core";
import {
  defaultPeerColor,
  renderEmojiStatus,
  renderUserStatus,
} from "../../src/mtkruto/types/peer_details.ts";
import { renderChatP } from "../../src/mtkruto/types/peers.ts";
import { assertStrictEquals } from "../assert.ts";
import {
  assertRendersAs,
  long,
  tlChannel,
  tlChat,
  tlUser,
} from "./_mtkruto_fixtures.ts";

Deno.test("renderUserStatus: every TL status, userStatusEmpty as lastSeenRecently", () => {
  const cases: [tl.TypeUserStatus, unknown][] = [
    [{ _: "userStatusOnline", expires: 1767229999 }, { type: "online" }],
    [{ _: "userStatusOffline", wasOnline: 1767000000 }, {
      type: "offline",
      lastSeenAt: 1767000000,
    }],
    [{ _: "userStatusRecently" }, { type: "lastSeenRecently" }],
    [{ _: "userStatusEmpty" }, { type: "lastSeenRecently" }],
    [{ _: "userStatusLastWeek" }, { type: "lastSeenLastWeek" }],
    [{ _: "userStatusLastMonth" }, { type: "lastSeenLastMonth" }],
  ];
  for (const [status, expected] of cases) {
    assertRendersAs(renderUserStatus(status), expected);
  }
});

Deno.test("renderEmojiStatus: custom emoji without until, gifts with every field, empty omitted", () => {
  assertRendersAs(
    renderEmojiStatus({ _: "emojiStatus", documentId: long("-5") }),
    { type: "customEmoji", customEmojiId: "-5" },
  );
  assertRendersAs(
    renderEmojiStatus({
      _: "emojiStatusCollectible",
      collectibleId: long("5936017773737018241"),
      documentId: long("5935895822751615037"),
      title: "Plush Pepe",
      slug: "PlushPepe-1",
      patternDocumentId: long("5935936766358847989"),
      centerColor: 7897897,
      edgeColor: 4456517,
      patternColor: 1193046,
      textColor: 16777215,
      until: 1770000000,
    }),
    {
      type: "gift",
      giftId: "5936017773737018241",
      customEmojiId: "5935895822751615037",
      title: "Plush Pepe",
      slug: "PlushPepe-1",
      patternId: "5935936766358847989",
      centerColor: 7897897,
      edgeColor: 4456517,
      patternColor: 1193046,
      textColor: 16777215,
      until: 1770000000,
    },
  );
  assertStrictEquals(renderEmojiStatus({ _: "emojiStatusEmpty" }), undefined);
  const user = renderChatP(tlUser({ emojiStatus: { _: "emojiStatusEmpty" } }));
  assertStrictEquals("emojiStatus" in user, false);
});

Deno.test('color: peerColor.color when set, else the marked id rule with MTKruto\'s "-100" replacement', () => {
  assertStrictEquals(defaultPeerColor(123456789), 123456789 % 7);
  assertStrictEquals(defaultPeerColor(-1001234567890), 1234567890 % 7);
  assertStrictEquals(defaultPeerColor(-777), 777 % 7);
  // MTKruto replaces the text "-100" anywhere, so a basic group 1005 counts as 5.
  assertStrictEquals(defaultPeerColor(-1005), 5);
  const colorOf = (peer: tl.TypeUser | tl.TypeChat) => renderChatP(peer).color;
  assertStrictEquals(colorOf(tlUser({ color: { _: "peerColor" } })), 1);
  assertStrictEquals(
    colorOf(tlUser({
      color: {
        _: "peerColorCollectible",
        collectibleId: long(1),
        giftEmojiId: long(2),
        backgroundEmojiId: long(3),
        accentColor: 4,
        colors: [5],
      },
    })),
    1,
  );
  assertStrictEquals(
    colorOf(tlUser({ color: { _: "peerColor", color: 0 } })),
    0,
  );
  assertStrictEquals(colorOf(tlChannel({ color: undefined })), 1234567890 % 7);
  assertStrictEquals(colorOf(tlChat({ id: 1005 })), 5);
});
