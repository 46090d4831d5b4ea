/** MTKruto 0.216's ReplyMarkup (with `type`) → mtcute's reply markup (methods.md §A.1, §B.15). */
import { Long } from "@mtcute/core";
import {
  toInlineReplyMarkup,
  toReplyMarkup,
} from "../../src/mtkruto/params/reply_markup.ts";
import { assertEquals } from "../assert.ts";
import { assertInputError } from "./_mtkruto_params_fixtures.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

Deno.test("inline keyboard: every button type → its TL button", () => {
  const markup = toReplyMarkup({
    type: "inlineKeyboard",
    inlineKeyboard: [
      [
        { type: "url", text: "Site", url: "https://example.com" },
        { type: "callbackData", text: "Yes", callbackData: "yes" },
      ],
      [
        { type: "miniApp", text: "App", url: "https://app.example.com" },
        {
          type: "loginUrl",
          text: "Log in",
          loginUrl: {
            url: "https://example.com/login",
            forwardText: "Log in here",
            requestWriteAccess: true,
          },
        },
      ],
      [
        { type: "switchInlineQuery", text: "Share", inlineQuery: "q" },
        { type: "switchInlineQueryCurrentChat", text: "Here", inlineQuery: "" },
        {
          type: "switchInlineQueryChosenChats",
          text: "Pick",
          inlineQuery: "q",
          isUser: true,
          isBot: true,
          isGroup: true,
          isChannel: true,
        },
      ],
      [
        { type: "callbackGame", text: "Play" },
        { type: "pay", text: "Pay" },
        { type: "copy", text: "Copy", textToCopy: "PROMO" },
      ],
    ],
  }, "params.replyMarkup");
  assertEquals(markup, {
    type: "inline",
    buttons: [
      [
        { _: "keyboardButtonUrl", text: "Site", url: "https://example.com" },
        { _: "keyboardButtonCallback", text: "Yes", data: bytes("yes") },
      ],
      [
        {
          _: "keyboardButtonWebView",
          text: "App",
          url: "https://app.example.com",
        },
        {
          _: "inputKeyboardButtonUrlAuth",
          text: "Log in",
          url: "https://example.com/login",
          fwdText: "Log in here",
          requestWriteAccess: true,
          bot: { _: "inputUserSelf" },
        },
      ],
      [
        { _: "keyboardButtonSwitchInline", text: "Share", query: "q" },
        {
          _: "keyboardButtonSwitchInline",
          text: "Here",
          query: "",
          samePeer: true,
        },
        {
          _: "keyboardButtonSwitchInline",
          text: "Pick",
          query: "q",
          peerTypes: [
            { _: "inlineQueryPeerTypePM" },
            { _: "inlineQueryPeerTypeBotPM" },
            { _: "inlineQueryPeerTypeChat" },
            { _: "inlineQueryPeerTypeMegagroup" },
            { _: "inlineQueryPeerTypeBroadcast" },
          ],
        },
      ],
      [
        { _: "keyboardButtonGame", text: "Play" },
        { _: "keyboardButtonBuy", text: "Pay" },
        { _: "keyboardButtonCopy", text: "Copy", copyText: "PROMO" },
      ],
    ],
  });
});

Deno.test("inline keyboard: a button's style → keyboardButtonStyle", () => {
  assertEquals(
    toReplyMarkup({
      type: "inlineKeyboard",
      inlineKeyboard: [[{
        type: "callbackData",
        text: "Delete",
        callbackData: "del",
        style: { background: "danger", customEmojiId: "5368324170671202286" },
      }]],
    }, "m"),
    {
      type: "inline",
      buttons: [[{
        _: "keyboardButtonCallback",
        text: "Delete",
        data: bytes("del"),
        style: {
          _: "keyboardButtonStyle",
          bgDanger: true,
          icon: Long.fromString("5368324170671202286"),
        },
      }]],
    },
  );
});

Deno.test("inline keyboard: bad buttons name their path", () => {
  const markup = (button: unknown) => ({
    type: "inlineKeyboard",
    inlineKeyboard: [[{ type: "url", text: "ok", url: "https://a.b" }, button]],
  });
  assertInputError(
    () =>
      toReplyMarkup(
        markup({ type: "callbackData", text: "x", callbackData: 5 }),
        "params.replyMarkup",
      ),
    "params.replyMarkup.inlineKeyboard[0][1].callbackData must be a string; got the number 5",
  );
  assertInputError(
    () =>
      toReplyMarkup(
        markup({ type: "callbackData", callbackData: "x" }),
        "params.replyMarkup",
      ),
    "params.replyMarkup.inlineKeyboard[0][1].text must be a string; got nothing",
  );
  assertInputError(
    () => toReplyMarkup(markup({ type: "link", text: "x" }), "m"),
    'm.inlineKeyboard[0][1].type must be one of "url", "callbackData", "miniApp", "loginUrl", "switchInlineQuery", "switchInlineQueryCurrentChat", "switchInlineQueryChosenChats", "callbackGame", "pay" or "copy"; got the string "link"',
  );
  assertInputError(
    () =>
      toReplyMarkup(
        markup({
          type: "callbackData",
          text: "x",
          callbackData: "y".repeat(65),
        }),
        "m",
      ),
    "m.inlineKeyboard[0][1].callbackData must be at most 64 bytes in UTF-8; got 65",
  );
  assertInputError(
    () =>
      toReplyMarkup(
        markup({
          type: "switchInlineQueryChosenChats",
          text: "x",
          inlineQuery: "",
        }),
        "m",
      ),
    "m.inlineKeyboard[0][1]: a switchInlineQueryChosenChats button must allow at least one chat type (isUser, isBot, isGroup or isChannel)",
  );
  assertInputError(
    () =>
      toReplyMarkup(
        markup({
          type: "loginUrl",
          text: "x",
          loginUrl: { url: "https://a.b", botUsername: "other_bot" },
        }),
        "m",
      ),
    "m.inlineKeyboard[0][1].loginUrl.botUsername is not supported by this server; leave it out to log in with the bot that sends the message",
  );
  assertInputError(
    () =>
      toReplyMarkup(
        markup({
          type: "url",
          text: "x",
          url: "https://a.b",
          style: { background: "red" },
        }),
        "m",
      ),
    'm.inlineKeyboard[0][1].style.background must be one of "danger", "primary" or "success"; got the string "red"',
  );
  assertInputError(
    () => toReplyMarkup({ type: "inlineKeyboard", inlineKeyboard: [5] }, "m"),
    "m.inlineKeyboard[0] must be an array; got the number 5",
  );
});

Deno.test("reply keyboard: flags renamed in 0.216 and every button type", () => {
  const rights = { canDeleteMessages: true, canInviteUsers: true };
  assertEquals(
    toReplyMarkup({
      type: "keyboard",
      isPersistent: true,
      isResized: true,
      isOneTime: true,
      isSelective: false,
      inputFieldPlaceholder: "Pick one",
      keyboard: [
        [{ type: "text", text: "Hi" }, {
          type: "requestContact",
          text: "Phone",
        }],
        [
          { type: "requestLocation", text: "Where" },
          { type: "requestPoll", text: "Quiz", pollType: "quiz" },
          { type: "requestPoll", text: "Any poll" },
          { type: "miniApp", text: "App", url: "https://app.example.com" },
        ],
        [
          {
            type: "requestUser",
            text: "User",
            requestId: 1,
            isBot: false,
            isPremium: true,
          },
          {
            type: "requestChat",
            text: "Group",
            requestId: 2,
            isChannel: false,
            isForum: true,
            isOwner: true,
            isBotMember: true,
            botAdministratorRights: rights,
          },
          {
            type: "requestChat",
            text: "Channel",
            requestId: 3,
            isChannel: true,
            hasUsername: true,
            userAdministratorRights: rights,
          },
        ],
      ],
    }, "params.replyMarkup"),
    {
      type: "reply",
      persistent: true,
      resize: true,
      singleUse: true,
      selective: false,
      placeholder: "Pick one",
      buttons: [
        [
          { _: "keyboardButton", text: "Hi" },
          { _: "keyboardButtonRequestPhone", text: "Phone" },
        ],
        [
          { _: "keyboardButtonRequestGeoLocation", text: "Where" },
          { _: "keyboardButtonRequestPoll", text: "Quiz", quiz: true },
          { _: "keyboardButtonRequestPoll", text: "Any poll" },
          {
            _: "keyboardButtonSimpleWebView",
            text: "App",
            url: "https://app.example.com",
          },
        ],
        [
          {
            _: "keyboardButtonRequestPeer",
            text: "User",
            buttonId: 1,
            peerType: { _: "requestPeerTypeUser", bot: false, premium: true },
            maxQuantity: 1,
          },
          {
            _: "keyboardButtonRequestPeer",
            text: "Group",
            buttonId: 2,
            peerType: {
              _: "requestPeerTypeChat",
              creator: true,
              forum: true,
              botParticipant: true,
              botAdminRights: {
                _: "chatAdminRights",
                deleteMessages: true,
                inviteUsers: true,
              },
            },
            maxQuantity: 1,
          },
          {
            _: "keyboardButtonRequestPeer",
            text: "Channel",
            buttonId: 3,
            peerType: {
              _: "requestPeerTypeBroadcast",
              hasUsername: true,
              userAdminRights: {
                _: "chatAdminRights",
                deleteMessages: true,
                inviteUsers: true,
              },
            },
            maxQuantity: 1,
          },
        ],
      ],
    },
  );
});

Deno.test("reply keyboard: 0.4.0 shapes and bad buttons are refused with their path", () => {
  assertInputError(
    () => toReplyMarkup({ keyboard: [[{ text: "Hi" }]] }, "params.replyMarkup"),
    'params.replyMarkup.type must be one of "inlineKeyboard", "keyboard", "removeKeyboard" or "forceReply"; got nothing',
  );
  assertInputError(
    () =>
      toReplyMarkup({ type: "keyboard", keyboard: [[{ text: "Hi" }]] }, "m"),
    'm.keyboard[0][0].type must be one of "text", "requestUser", "requestChat", "requestContact", "requestLocation", "requestPoll" or "miniApp"; got nothing',
  );
  assertInputError(
    () =>
      toReplyMarkup({
        type: "keyboard",
        keyboard: [[{ type: "requestChat", text: "G", requestId: 1 }]],
      }, "m"),
    "m.keyboard[0][0].isChannel must be true or false; got nothing",
  );
  assertInputError(
    () =>
      toReplyMarkup({
        type: "keyboard",
        isResized: "yes",
        keyboard: [],
      }, "m"),
    'm.isResized must be true or false; got the string "yes"',
  );
  assertInputError(
    () =>
      toReplyMarkup({
        type: "keyboard",
        keyboard: [[{ type: "requestUser", text: "U", requestId: 1.5 }]],
      }, "m"),
    "m.keyboard[0][0].requestId must be an integer from -2147483648 to 2147483647; got the number 1.5",
  );
});

Deno.test("removeKeyboard and forceReply → reply_hide and force_reply", () => {
  assertEquals(
    toReplyMarkup({ type: "removeKeyboard", isSelective: true }, "m"),
    { type: "reply_hide", selective: true },
  );
  assertEquals(toReplyMarkup({ type: "removeKeyboard" }, "m"), {
    type: "reply_hide",
  });
  assertEquals(
    toReplyMarkup({
      type: "forceReply",
      inputFieldPlaceholder: "Your name",
      isSelective: true,
    }, "m"),
    { type: "force_reply", placeholder: "Your name", selective: true },
  );
  assertInputError(
    () => toReplyMarkup("inline", "params.replyMarkup"),
    'params.replyMarkup must be an object; got the string "inline"',
  );
});

Deno.test("toInlineReplyMarkup: only an inline keyboard", () => {
  assertEquals(
    toInlineReplyMarkup({ type: "inlineKeyboard", inlineKeyboard: [] }, "m"),
    { type: "inline", buttons: [] },
  );
  assertInputError(
    () =>
      toInlineReplyMarkup({ type: "removeKeyboard" }, "results[0].replyMarkup"),
    'results[0].replyMarkup must be an inline keyboard ({"type": "inlineKeyboard", "inlineKeyboard": […]}); got a reply markup of type "removeKeyboard"',
  );
});
