/** MTKruto's ReplyMarkup and buttons from TL (types.md §10.1–10.3), key order included. */
import type { tl } from "@mtcute/core";
import { renderReplyMarkup } from "../../src/mtkruto/types/reply_markup.ts";
import { assertEquals } from "../assert.ts";
import { assertRendersAs } from "./_mtkruto_fixtures.ts";
import { EMOJI_ID } from "./_mtkruto_message_fixtures.ts";

const row = (...buttons: tl.TypeKeyboardButton[]): tl.RawKeyboardButtonRow => ({
  _: "keyboardButtonRow",
  buttons,
});
const inline = (...buttons: tl.TypeKeyboardButton[]) =>
  renderReplyMarkup({ _: "replyInlineMarkup", rows: [row(...buttons)] });
const keyboard = (...buttons: tl.TypeKeyboardButton[]) =>
  renderReplyMarkup({ _: "replyKeyboardMarkup", rows: [row(...buttons)] });
const bytes = (text: string) => new TextEncoder().encode(text);

Deno.test("§16.2: the inline keyboard of the sample, rows kept", () => {
  assertRendersAs(
    renderReplyMarkup({
      _: "replyInlineMarkup",
      rows: [
        row(
          { _: "keyboardButtonCallback", text: "Yes", data: bytes("vote:yes") },
          { _: "keyboardButtonCallback", text: "No", data: bytes("vote:no") },
        ),
        row({
          _: "keyboardButtonUrl",
          text: "About",
          url: "https://example.org/about",
        }),
      ],
    }),
    {
      type: "inlineKeyboard",
      inlineKeyboard: [
        [
          { type: "callbackData", text: "Yes", callbackData: "vote:yes" },
          { type: "callbackData", text: "No", callbackData: "vote:no" },
        ],
        [{ type: "url", text: "About", url: "https://example.org/about" }],
      ],
    },
  );
});

Deno.test("inline buttons: every kind with its extra keys; callback data decoded leniently", () => {
  assertRendersAs(
    inline(
      {
        _: "keyboardButtonCallback",
        text: "Bad",
        data: new Uint8Array([0xff, 0x41]),
      },
      { _: "keyboardButtonWebView", text: "App", url: "https://app.example/" },
      {
        _: "keyboardButtonSimpleWebView",
        text: "App2",
        url: "https://app2.example/",
      },
      {
        _: "keyboardButtonUrlAuth",
        text: "Log in",
        url: "https://login.example/",
        buttonId: 1,
        fwdText: "Go",
      },
      {
        _: "keyboardButtonUrlAuth",
        text: "Log in",
        url: "https://login.example/",
        buttonId: 2,
      },
      {
        _: "keyboardButtonSwitchInline",
        text: "Here",
        query: "q",
        samePeer: true,
      },
      { _: "keyboardButtonSwitchInline", text: "Anywhere", query: "q" },
      {
        _: "keyboardButtonSwitchInline",
        text: "Empty types",
        query: "q",
        peerTypes: [],
      },
      { _: "keyboardButtonBuy", text: "Pay" },
      { _: "keyboardButtonGame", text: "Play" },
      { _: "keyboardButtonCopy", text: "Copy", copyText: "PROMO" },
    ),
    {
      type: "inlineKeyboard",
      inlineKeyboard: [[
        { type: "callbackData", text: "Bad", callbackData: "\ufffdA" },
        { type: "miniApp", text: "App", url: "https://app.example/" },
        { type: "miniApp", text: "App2", url: "https://app2.example/" },
        {
          type: "loginUrl",
          text: "Log in",
          loginUrl: { url: "https://login.example/", forwardText: "Go" },
        },
        {
          type: "loginUrl",
          text: "Log in",
          loginUrl: { url: "https://login.example/" },
        },
        {
          type: "switchInlineQueryCurrentChat",
          text: "Here",
          inlineQuery: "q",
        },
        { type: "switchInlineQuery", text: "Anywhere", inlineQuery: "q" },
        { type: "switchInlineQuery", text: "Empty types", inlineQuery: "q" },
        { type: "pay", text: "Pay" },
        { type: "callbackGame", text: "Play" },
        { type: "copy", text: "Copy", textToCopy: "PROMO" },
      ]],
    },
  );
});

Deno.test("switchInlineQueryChosenChats: BotPM allows users and bots, SameBotPM bots, Chat/Megagroup groups, Broadcast channels", () => {
  const chosen = (...types: tl.TypeInlineQueryPeerType["_"][]) =>
    inline({
      _: "keyboardButtonSwitchInline",
      text: "Pick",
      query: "q",
      peerTypes: types.map((_) => ({ _ }) as tl.TypeInlineQueryPeerType),
    });
  const base = {
    type: "switchInlineQueryChosenChats",
    text: "Pick",
    inlineQuery: "q",
  };
  assertRendersAs(chosen("inlineQueryPeerTypeBotPM"), {
    type: "inlineKeyboard",
    inlineKeyboard: [[{ ...base, isUser: true, isBot: true }]],
  });
  assertRendersAs(
    chosen("inlineQueryPeerTypeSameBotPM", "inlineQueryPeerTypeMegagroup"),
    {
      type: "inlineKeyboard",
      inlineKeyboard: [[{ ...base, isBot: true, isGroup: true }]],
    },
  );
  assertRendersAs(
    chosen("inlineQueryPeerTypeChat", "inlineQueryPeerTypeBroadcast"),
    {
      type: "inlineKeyboard",
      inlineKeyboard: [[{ ...base, isGroup: true, isChannel: true }]],
    },
  );
});

Deno.test("button style: a colour and/or icon after the text; a style with neither is left out", () => {
  assertRendersAs(
    inline(
      {
        _: "keyboardButtonUrl",
        text: "Red",
        url: "https://x/",
        style: { _: "keyboardButtonStyle", bgDanger: true },
      },
      {
        _: "keyboardButtonCallback",
        text: "Icon",
        data: bytes("i"),
        style: { _: "keyboardButtonStyle", bgSuccess: true, icon: EMOJI_ID },
      },
      {
        _: "keyboardButtonBuy",
        text: "Plain",
        style: { _: "keyboardButtonStyle" },
      },
    ),
    {
      type: "inlineKeyboard",
      inlineKeyboard: [[
        {
          type: "url",
          text: "Red",
          style: { background: "danger" },
          url: "https://x/",
        },
        {
          type: "callbackData",
          text: "Icon",
          style: { background: "success", customEmojiId: EMOJI_ID.toString() },
          callbackData: "i",
        },
        { type: "pay", text: "Plain" },
      ]],
    },
  );
});

Deno.test("inline keyboards skip buttons MTKruto has no inline kind for (our divergence); empty rows stay", () => {
  assertEquals(
    renderReplyMarkup({
      _: "replyInlineMarkup",
      rows: [
        row(
          {
            _: "keyboardButtonRequestPeer",
            text: "Pick",
            buttonId: 1,
            peerType: { _: "requestPeerTypeUser" },
            maxQuantity: 1,
          },
          { _: "keyboardButtonUrl", text: "Ok", url: "https://x/" },
        ),
        row({ _: "keyboardButtonUserProfile", text: "Ada", userId: 1 }),
      ],
    }),
    {
      type: "inlineKeyboard",
      inlineKeyboard: [[{ type: "url", text: "Ok", url: "https://x/" }], []],
    },
  );
});

Deno.test("reply keyboard: the four flags always, then the rows; the placeholder is not read back", () => {
  assertRendersAs(
    renderReplyMarkup({
      _: "replyKeyboardMarkup",
      resize: true,
      persistent: true,
      placeholder: "Say something",
      rows: [row({ _: "keyboardButton", text: "Hi" })],
    }),
    {
      type: "keyboard",
      isResized: true,
      isOneTime: false,
      isSelective: false,
      isPersistent: true,
      keyboard: [[{ type: "text", text: "Hi" }]],
    },
  );
});

Deno.test("reply keyboard buttons: requests, mini apps, polls; unknown kinds skipped", () => {
  const rights: tl.RawChatAdminRights = {
    _: "chatAdminRights",
    banUsers: true,
    manageRanks: true,
  };
  const markup = keyboard(
    {
      _: "keyboardButtonRequestPeer",
      text: "User",
      buttonId: 1,
      peerType: { _: "requestPeerTypeUser", bot: false },
      maxQuantity: 1,
    },
    {
      _: "keyboardButtonRequestPeer",
      text: "Group",
      buttonId: 2,
      peerType: {
        _: "requestPeerTypeChat",
        forum: true,
        botAdminRights: rights,
      },
      maxQuantity: 1,
      style: { _: "keyboardButtonStyle", bgPrimary: true },
    },
    {
      _: "keyboardButtonRequestPeer",
      text: "Channel",
      buttonId: 3,
      peerType: {
        _: "requestPeerTypeBroadcast",
        creator: true,
        hasUsername: true,
      },
      maxQuantity: 1,
    },
    { _: "keyboardButtonRequestPhone", text: "Phone" },
    { _: "keyboardButtonRequestGeoLocation", text: "Where" },
    { _: "keyboardButtonRequestPoll", text: "Poll" },
    { _: "keyboardButtonRequestPoll", text: "Quiz", quiz: true },
    { _: "keyboardButtonWebView", text: "App", url: "https://app.example/" },
    { _: "keyboardButtonCopy", text: "Copy", copyText: "x" },
  ) as { keyboard: unknown[][] };
  const adminRights = {
    isAnonymous: false,
    canManageChat: false,
    canDeleteMessages: false,
    canManageVideoChats: false,
    canRestrictMembers: true,
    canPromoteMembers: false,
    canChangeInfo: false,
    canInviteUsers: false,
    canPostMessages: false,
    canEditMessages: false,
    canPinMessages: false,
    canManageTopics: false,
    canPostStories: false,
    canEditStories: false,
    canDeleteStories: false,
    canManageDirectMessages: false,
    canManageTags: true,
    canManageLinkedChats: false,
  };
  assertRendersAs(markup.keyboard[0], [
    { type: "requestUser", text: "User", requestId: 1, isBot: false },
    {
      type: "requestChat",
      text: "Group",
      requestId: 2,
      isChannel: false,
      isForum: true,
      isOwner: false,
      isBotMember: false,
      botAdministratorRights: adminRights,
      style: { background: "primary" },
    },
    {
      type: "requestChat",
      text: "Channel",
      requestId: 3,
      isChannel: true,
      isOwner: true,
      hasUsername: true,
    },
    { type: "requestContact", text: "Phone" },
    { type: "requestLocation", text: "Where" },
    { type: "requestPoll", text: "Poll" },
    { type: "requestPoll", text: "Quiz", pollType: "quiz" },
    { type: "miniApp", text: "App", url: "https://app.example/" },
  ]);
});

Deno.test("removeKeyboard and forceReply: isSelective only when true, the placeholder only when set", () => {
  assertRendersAs(renderReplyMarkup({ _: "replyKeyboardHide" }), {
    type: "removeKeyboard",
  });
  assertRendersAs(
    renderReplyMarkup({ _: "replyKeyboardHide", selective: true }),
    {
      type: "removeKeyboard",
      isSelective: true,
    },
  );
  assertRendersAs(
    renderReplyMarkup({ _: "replyKeyboardForceReply", placeholder: "" }),
    { type: "forceReply" },
  );
  assertRendersAs(
    renderReplyMarkup({
      _: "replyKeyboardForceReply",
      selective: true,
      placeholder: "Name?",
    }),
    { type: "forceReply", inputFieldPlaceholder: "Name?", isSelective: true },
  );
});
