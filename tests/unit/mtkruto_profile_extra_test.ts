/** The profile settings' readers (Birthday, InputEmojiStatus, colors, notification settings), NotificationSettings, and the accounts they serve. */
import { Long } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import { readArguments } from "../../src/mtkruto/methods/define.ts";
import type { DialectMethod } from "../../src/mtkruto/methods/define.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";
import {
  readBirthday,
  readInputEmojiStatus,
  toPeerColor,
} from "../../src/mtkruto/params/profile_extra.ts";
import { toInputNotifySettings } from "../../src/mtkruto/params/notification_settings.ts";
import { renderNotificationSettings } from "../../src/mtkruto/types/notification_settings.ts";
import { assertEquals, assertThrowsWithMessage } from "../assert.ts";

const SETTINGS = [
  "setBirthday",
  "setPersonalChannel",
  "setEmojiStatus",
  "removeEmojiStatus",
  "setNameColor",
  "setProfileColor",
];

function method(name: string): DialectMethod {
  const found = dialectMethod(name);
  if (!found) throw new Error(`no method ${name}`);
  return found;
}

/** The InputError reading `args` for `name` throws. */
function refusal(name: string, args: unknown[], isBot = false): string {
  return assertThrowsWithMessage(
    () => readArguments(method(name), args, isBot),
    InputError,
  ).message;
}

Deno.test("the profile settings are user-only, as MTKruto says", () => {
  for (const name of SETTINGS) assertEquals(method(name).account, "user");
  assertEquals(
    refusal("removeEmojiStatus", [], true),
    "removeEmojiStatus: not a user client.",
  );
});

Deno.test("readBirthday takes day, month and an optional year", () => {
  assertEquals(readBirthday({ day: 3, month: 7 }, "params.birthday"), {
    _: "birthday",
    day: 3,
    month: 7,
    year: undefined,
  });
  assertEquals(
    readBirthday({ day: 3, month: 7, year: 1990 }, "b").year,
    1990,
  );
  assertEquals(
    assertThrowsWithMessage(
      () => readBirthday({ day: 0, month: 7 }, "params.birthday"),
      InputError,
    ).message,
    "params.birthday.day must be an integer from 1 to 31; got the number 0",
  );
  assertEquals(
    assertThrowsWithMessage(
      () => readBirthday("1990-07-03", "params.birthday"),
      InputError,
    ).message.startsWith("params.birthday must be an object"),
    true,
  );
});

Deno.test("readInputEmojiStatus reads a custom emoji or a gift", () => {
  assertEquals(
    readInputEmojiStatus(
      { type: "customEmoji", customEmojiId: "5368324170671202286" },
      "s",
    ),
    {
      _: "emojiStatus",
      documentId: Long.fromString("5368324170671202286"),
    },
  );
  assertEquals(readInputEmojiStatus({ type: "gift", giftId: 12 }, "s"), {
    _: "inputEmojiStatusCollectible",
    collectibleId: Long.fromNumber(12),
  });
  assertEquals(
    refusal("setEmojiStatus", [{ type: "customEmoji", customEmojiId: 5 }]),
    "Argument 1 of setEmojiStatus (emojiStatus).customEmojiId must be a 64-bit integer written as a decimal string; got the number 5",
  );
  assertEquals(
    refusal("setEmojiStatus", []),
    "Argument 1 of setEmojiStatus (emojiStatus) is missing; it must be InputEmojiStatus",
  );
});

Deno.test("toPeerColor adds the pattern emoji; the color is a non-negative integer", () => {
  assertEquals(toPeerColor(4, { customEmojiId: "77" }), {
    _: "peerColor",
    color: 4,
    backgroundEmojiId: Long.fromNumber(77),
  });
  assertEquals(toPeerColor(0, {}).backgroundEmojiId, undefined);
  assertEquals(
    assertThrowsWithMessage(
      () => toPeerColor(1, { customEmojiId: "x" }),
      InputError,
    ).message,
    'params.customEmojiId must be a 64-bit integer written as a decimal string; got the string "x"',
  );
  assertEquals(
    refusal("setNameColor", [-1]),
    "Argument 1 of setNameColor (color) must be an integer from 0 to 2147483647; got the number -1",
  );
});

Deno.test("NotificationSettings renders peerNotifySettings; InputNotificationSettings reads into inputPeerNotifySettings", () => {
  assertEquals(renderNotificationSettings({ _: "peerNotifySettings" }), {});
  assertEquals(
    renderNotificationSettings({
      _: "peerNotifySettings",
      showPreviews: false,
      muteUntil: 5,
      iosSound: { _: "notificationSoundRingtone", id: Long.fromNumber(9) },
      storiesOtherSound: { _: "notificationSoundLocal", title: "T", data: "d" },
      storiesMuted: true,
    }),
    {
      showsPreviews: false,
      muteUntil: 5,
      iosSound: { type: "ringtone", id: "9" },
      otherPlatformsStorySound: { type: "local", title: "T", data: "d" },
      mutesStories: true,
    },
  );
  assertEquals(toInputNotifySettings({}, "params"), {
    _: "inputPeerNotifySettings",
    showPreviews: undefined,
    silent: undefined,
    muteUntil: undefined,
    sound: undefined,
    storiesMuted: undefined,
    storiesHideSender: undefined,
    storiesSound: undefined,
  });
  const read = toInputNotifySettings({
    settings: {
      isSilent: true,
      sound: { type: "ringtone", id: "12" },
      storySound: { type: "default" },
    },
  }, "params");
  assertEquals([read.silent, read.sound, read.storiesSound], [
    true,
    { _: "notificationSoundRingtone", id: Long.fromNumber(12) },
    { _: "notificationSoundDefault" },
  ]);
  assertEquals(
    assertThrowsWithMessage(
      () =>
        toInputNotifySettings(
          { settings: { sound: { type: "local", title: "x" } } },
          "params",
        ),
      InputError,
    ).message,
    "params.settings.sound.data must be a string; got nothing",
  );
  for (
    const name of [
      "getNotificationSettings",
      "setNotificationSettings",
      "resetNotificationSettings",
    ]
  ) assertEquals(method(name).account, "user");
  assertEquals(method("resolveUsername").account, "both");
  assertEquals(
    refusal("resolveUsername", [7]),
    "Argument 1 of resolveUsername (username) must be a string; got the number 7",
  );
});
