/** CallbackQuery, InlineQuery, ChosenInlineResult (types.md §7.1–7.3, the §16.2 sample) and inline message ids. */
import type { tl } from "@mtcute/core";
import {
  encodeInlineMessageId as mtcuteEncode,
  parseInlineMessageId as mtcuteParse,
} from "@mtcute/core/utils.js";
import { InputError } from "../../src/errors.ts";
import {
  decodeInlineMessageId,
  encodeInlineMessageId,
} from "../../src/mtkruto/types/inline_message_id.ts";
import { renderMessage } from "../../src/mtkruto/types/message.ts";
import {
  renderCallbackQuery,
  renderChosenInlineResult,
  renderInlineQuery,
} from "../../src/mtkruto/types/queries.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import { assert, assertEquals, assertMatch, assertThrows } from "../assert.ts";
import {
  assertRendersAs,
  long,
  peersOf,
  tlBot,
  tlUser,
} from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  BOT_ID,
  peerUser,
  rendered,
  tlMessage,
} from "./_mtkruto_message_fixtures.ts";
import { ADA_CHATP, ADA_USER, POLL_BOT_CHATP } from "./_mtkruto_samples.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const ID32: tl.RawInputBotInlineMessageID = {
  _: "inputBotInlineMessageID",
  dcId: 2,
  id: long("-5818732045678123456"),
  accessHash: long("4602367293645934123"),
};
const ID64: tl.RawInputBotInlineMessageID64 = {
  _: "inputBotInlineMessageID64",
  dcId: 4,
  ownerId: long("-1001234567890"),
  id: 1042,
  accessHash: long("-9223372036854775808"),
};

Deno.test("§16.2: a callback query on the bot's message with an inline keyboard, field by field", () => {
  const peers = peersOf(tlUser(), tlBot());
  const message = renderMessage(
    tlMessage({
      out: true,
      id: 43,
      fromId: peerUser(BOT_ID),
      date: 1767225642,
      message: "Do you agree?",
      entities: undefined,
      replyMarkup: {
        _: "replyInlineMarkup",
        rows: [
          {
            _: "keyboardButtonRow",
            buttons: [
              {
                _: "keyboardButtonCallback",
                text: "Yes",
                data: bytes("vote:yes"),
              },
              {
                _: "keyboardButtonCallback",
                text: "No",
                data: bytes("vote:no"),
              },
            ],
          },
          {
            _: "keyboardButtonRow",
            buttons: [{
              _: "keyboardButtonUrl",
              text: "About",
              url: "https://example.org/about",
            }],
          },
        ],
      },
    }),
    peers,
  );
  const update: tl.RawUpdateBotCallbackQuery = {
    _: "updateBotCallbackQuery",
    queryId: long("4602367293645934123"),
    userId: ADA_ID,
    peer: peerUser(ADA_ID),
    msgId: 43,
    chatInstance: long("-5818732045678123456"),
    data: bytes("vote:yes"),
  };
  assertRendersAs(renderCallbackQuery(update, peers, message), {
    id: "4602367293645934123",
    from: ADA_USER,
    message: {
      type: "text",
      isOutgoing: true,
      id: 43,
      chat: ADA_CHATP,
      date: 1767225642,
      isTopicMessage: false,
      hasProtectedContent: false,
      from: POLL_BOT_CHATP,
      replyMarkup: {
        type: "inlineKeyboard",
        inlineKeyboard: [
          [
            { type: "callbackData", text: "Yes", callbackData: "vote:yes" },
            { type: "callbackData", text: "No", callbackData: "vote:no" },
          ],
          [{ type: "url", text: "About", url: "https://example.org/about" }],
        ],
      },
      text: "Do you agree?",
      entities: [],
    },
    chatInstance: "-5818732045678123456",
    data: "vote:yes",
  });
});

Deno.test('inline callback queries: inlineMessageId in MTKruto\'s form, chatInstance "" for 0, the game short name', () => {
  const query = renderCallbackQuery({
    _: "updateInlineBotCallbackQuery",
    queryId: long(7),
    userId: ADA_ID,
    msgId: ID32,
    chatInstance: long(0),
    gameShortName: "tetris",
  }, peersOf(tlUser()));
  assertRendersAs(query, {
    id: "7",
    from: ADA_USER,
    inlineMessageId: encodeInlineMessageId(ID32),
    chatInstance: "",
    gameShortName: "tetris",
  });
  assertThrows(
    () =>
      renderCallbackQuery({
        _: "updateInlineBotCallbackQuery",
        queryId: long(7),
        userId: 99,
        msgId: ID32,
        chatInstance: long(0),
      }, peersOf(tlUser())),
    RenderError,
  );
});

Deno.test("inline queries: chatType from the peer type, location only for a geo point", () => {
  const query = (extra: Partial<tl.RawUpdateBotInlineQuery>) =>
    renderInlineQuery({
      _: "updateBotInlineQuery",
      queryId: long("-3"),
      userId: ADA_ID,
      query: "tea",
      offset: "10",
      ...extra,
    }, peersOf(tlUser()));
  assertRendersAs(
    query({
      peerType: { _: "inlineQueryPeerTypeMegagroup" },
      geo: {
        _: "geoPoint",
        lat: 1.5,
        long: 2.5,
        accessHash: long(0),
        accuracyRadius: 20,
      },
    }),
    {
      id: "-3",
      from: ADA_USER,
      query: "tea",
      offset: "10",
      chatType: "supergroup",
      location: { latitude: 1.5, longitude: 2.5, horizontalAccuracy: 20 },
    },
  );
  assertRendersAs(query({ geo: { _: "geoPointEmpty" } }), {
    id: "-3",
    from: ADA_USER,
    query: "tea",
    offset: "10",
  });
  const types: [tl.TypeInlineQueryPeerType["_"], string][] = [
    ["inlineQueryPeerTypeSameBotPM", "private"],
    ["inlineQueryPeerTypeBotPM", "sender"],
    ["inlineQueryPeerTypePM", "sender"],
    ["inlineQueryPeerTypeChat", "group"],
    ["inlineQueryPeerTypeMegagroup", "supergroup"],
    ["inlineQueryPeerTypeBroadcast", "channel"],
  ];
  for (const [_, chatType] of types) {
    assertEquals(
      query({ peerType: { _ } as tl.TypeInlineQueryPeerType }).chatType,
      chatType,
    );
  }
});

Deno.test("chosen inline results: resultId, from, location, inlineMessageId (when sent with a keyboard), query", () => {
  assertRendersAs(
    renderChosenInlineResult({
      _: "updateBotInlineSend",
      userId: ADA_ID,
      query: "tea",
      id: "result-1",
      geo: { _: "geoPoint", lat: 1, long: 2, accessHash: long(0) },
      msgId: ID64,
    }, peersOf(tlUser())),
    {
      resultId: "result-1",
      from: rendered.adaUser(),
      location: { latitude: 1, longitude: 2 },
      inlineMessageId: encodeInlineMessageId(ID64),
      query: "tea",
    },
  );
  assertRendersAs(
    renderChosenInlineResult({
      _: "updateBotInlineSend",
      userId: ADA_ID,
      query: "",
      id: "r",
    }, peersOf(tlUser())),
    { resultId: "r", from: ADA_USER, query: "" },
  );
});

Deno.test("inline message ids: MTKruto's boxed form is the constructor id plus mtcute's bare bytes, and round-trips", () => {
  for (
    const [id, constructor] of [[ID32, 0x890c3d89], [ID64, 0xb6d915d7]] as const
  ) {
    const text = encodeInlineMessageId(id);
    assertMatch(text, /^[A-Za-z0-9_-]+$/, "URL-safe base64 without padding");
    const boxed = Uint8Array.fromBase64(text, { alphabet: "base64url" });
    assertEquals(new DataView(boxed.buffer).getUint32(0, true), constructor);
    const bare = Uint8Array.fromBase64(mtcuteEncode(id), {
      alphabet: "base64url",
    });
    assertEquals(boxed.subarray(4), bare);
    assertEquals(decodeInlineMessageId(text), id);
  }
});

Deno.test("inline message ids: the Bot API's bare 20/24-byte form (mtcute's) is accepted too", () => {
  for (const id of [ID32, ID64]) {
    const bare = mtcuteEncode(id);
    assertEquals(decodeInlineMessageId(bare), id);
    assertEquals(
      mtcuteParse(bare),
      decodeInlineMessageId(encodeInlineMessageId(id)),
    );
  }
  const standard = Uint8Array.fromBase64(encodeInlineMessageId(ID64), {
    alphabet: "base64url",
  }).toBase64();
  assertEquals(
    decodeInlineMessageId(standard),
    ID64,
    "standard base64 with padding",
  );
});

Deno.test("inline message ids: anything else is an InputError that says what an inline message id is", () => {
  const boxedWrong = new Uint8Array(28);
  boxedWrong[0] = 1;
  for (
    const bad of [
      "",
      "not base64!",
      "AAAA",
      new Uint8Array(21).toBase64({ alphabet: "base64url", omitPadding: true }),
      boxedWrong.toBase64({ alphabet: "base64url", omitPadding: true }),
    ]
  ) {
    const error = assertThrows(
      () => decodeInlineMessageId(bad, "params.inlineMessageId"),
      InputError,
    );
    assert(
      error.message.startsWith(
        "params.inlineMessageId must be an inline message id",
      ),
      error.message,
    );
    assertMatch(error.message, /inputBotInlineMessageID/);
  }
});
