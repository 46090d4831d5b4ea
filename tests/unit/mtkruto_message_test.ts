/** MTKruto's Message from TL: the §16.1/§16.3 samples and the common fields of types.md §4.1. */
import {
  type Message,
  pinnedMessageId,
  renderMessage,
  repliedMessageId,
} from "../../src/mtkruto/types/message.ts";
import type { MessageContext } from "../../src/mtkruto/types/message.ts";
import type { tl } from "@mtcute/core";
import { assert, assertEquals } from "../assert.ts";
import {
  assertRendersAs,
  long,
  peersOf,
  tlChannel,
  tlPhoto,
  tlUser,
} from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  BOT_ID,
  CHANNEL_ID,
  EMOJI_ID,
  peerChannel,
  peerUser,
  rendered,
  replyTo,
  SUPERGROUP_ID,
  tlGroupMessage,
  tlMessage,
  tlService,
} from "./_mtkruto_message_fixtures.ts";
import {
  ADA_CHATP,
  ADA_CHATP_PLAIN,
  EXAMPLE_SUPERGROUP_CHATP,
  SAMPLE_PHOTO,
} from "./_mtkruto_samples.ts";

/** Renders with every fixture peer; fails when nothing comes out. */
function render(raw: tl.TypeMessage, context?: MessageContext): Message {
  const message = renderMessage(raw, allPeers(), context);
  assert(message, "the message was not rendered");
  return message;
}

/** The rendered message as a plain record, for field checks. */
function fields(raw: tl.TypeMessage, context?: MessageContext) {
  return render(raw, context) as unknown as Record<string, unknown>;
}

Deno.test("§16.1: a private text message with a bold entity renders field by field", () => {
  const message = renderMessage(tlMessage(), peersOf(tlUser()));
  assertRendersAs(message, {
    type: "text",
    isOutgoing: false,
    id: 42,
    chat: ADA_CHATP,
    date: 1767225600,
    isTopicMessage: false,
    hasProtectedContent: false,
    from: ADA_CHATP,
    text: "Hello world",
    entities: [{ type: "bold", offset: 0, length: 5 }],
  });
});

Deno.test("§16.3: a photo in a public supergroup renders field by field", () => {
  const ada = tlUser({ langCode: undefined, status: undefined });
  const raw = tlGroupMessage({
    media: { _: "messageMediaPhoto", photo: tlPhoto() },
    message: "",
    entities: undefined,
    date: 1767225700,
  });
  assertRendersAs(renderMessage(raw, peersOf(ada, tlChannel())), {
    type: "photo",
    isOutgoing: false,
    id: 1042,
    chat: EXAMPLE_SUPERGROUP_CHATP,
    link: "https://t.me/examplegroup/1042",
    date: 1767225700,
    isTopicMessage: false,
    hasProtectedContent: false,
    from: ADA_CHATP_PLAIN,
    caption: "",
    captionEntities: [],
    isSpoiler: false,
    photo: SAMPLE_PHOTO,
  });
});

Deno.test("link: the username of a public chat, c/<channel id> of a private one, the thread id inserted", () => {
  assertEquals(fields(tlGroupMessage()).link, "https://t.me/examplegroup/1042");
  const inChannel = { peerId: peerChannel(CHANNEL_ID), fromId: undefined };
  assertEquals(
    fields(tlMessage({ ...inChannel, id: 7 })).link,
    `https://t.me/c/${CHANNEL_ID}/7`,
  );
  const thread = replyTo(5, { replyToTopId: 3 });
  assertEquals(
    fields(tlMessage({ ...inChannel, id: 7, replyTo: thread })).link,
    `https://t.me/c/${CHANNEL_ID}/3/7`,
  );
  assertEquals(
    fields(tlGroupMessage({ replyTo: thread })).link,
    "https://t.me/examplegroup/3/1042",
  );
  assertEquals(fields(tlMessage()).link, undefined, "private chats have none");
  const service = tlService({ _: "messageActionChatEditTitle", title: "X" });
  assertEquals(fields(service).link, undefined, "service messages have none");
});

Deno.test("from: the sender, else the chat (channel posts); anonymous admins and send-as channels give that chat", () => {
  assertEquals(fields(tlGroupMessage()).from, rendered.ada());
  const post = tlMessage({
    peerId: peerChannel(CHANNEL_ID),
    fromId: undefined,
  });
  assertEquals(fields(post).from, rendered.channel());
  const anonymous = tlGroupMessage({ fromId: peerChannel(SUPERGROUP_ID) });
  assertEquals(fields(anonymous).from, rendered.supergroup());
  const sendAs = tlGroupMessage({ fromId: peerChannel(CHANNEL_ID) });
  assertEquals(fields(sendAs).from, rendered.channel());
  assertEquals(fields(sendAs).chat, rendered.supergroup());
});

Deno.test("a message whose chat or sender did not come with it is not rendered; messageEmpty neither", () => {
  assertEquals(renderMessage(tlGroupMessage(), peersOf(tlUser())), undefined);
  assertEquals(renderMessage(tlMessage(), peersOf()), undefined);
  assertEquals(
    renderMessage({ _: "messageEmpty", id: 1 }, allPeers()),
    undefined,
  );
});

Deno.test("isAutomaticForward is present whenever fwd_from is: true only with saved_from_peer and saved_from_msg_id", () => {
  const forwarded = (extra: Partial<tl.RawMessageFwdHeader>) =>
    fields(tlGroupMessage({
      fwdFrom: {
        _: "messageFwdHeader",
        fromId: peerChannel(CHANNEL_ID),
        channelPost: 9,
        date: 1767220000,
        ...extra,
      },
    }));
  const automatic = forwarded({
    savedFromPeer: peerChannel(CHANNEL_ID),
    savedFromMsgId: 9,
  });
  assertEquals(automatic.isAutomaticForward, true);
  assertEquals(automatic.forwardFrom, {
    type: "channel",
    date: 1767220000,
    chat: rendered.channel(),
    messageId: 9,
  });
  assertEquals(
    forwarded({ savedFromPeer: peerChannel(CHANNEL_ID) }).isAutomaticForward,
    false,
  );
  assertEquals(forwarded({}).isAutomaticForward, false);
  assert(!("isAutomaticForward" in fields(tlGroupMessage())));
});

Deno.test("replyQuote: offset, text and entities when the quote flag is set, defaults for missing parts", () => {
  const quoted = fields(tlGroupMessage({
    replyTo: replyTo(1000, {
      quote: true,
      quoteText: "world",
      quoteOffset: 6,
      quoteEntities: [{ _: "messageEntityItalic", offset: 0, length: 5 }],
    }),
  }));
  assertEquals(quoted.replyQuote, {
    offset: 6,
    text: "world",
    entities: [{ type: "italic", offset: 0, length: 5 }],
  });
  const bare = fields(
    tlGroupMessage({ replyTo: replyTo(1000, { quote: true }) }),
  );
  assertEquals(bare.replyQuote, { offset: 0, text: "", entities: [] });
  const unquoted = fields(
    tlGroupMessage({ replyTo: replyTo(1000, { quoteText: "world" }) }),
  );
  assert(!("replyQuote" in unquoted));
});

Deno.test("threadId and replyToMessageId only for replies to a message; isTopicMessage from forum_topic", () => {
  const topic = fields(tlGroupMessage({
    replyTo: replyTo(1000, { replyToTopId: 900, forumTopic: true }),
  }));
  assertEquals(
    [topic.threadId, topic.replyToMessageId, topic.isTopicMessage],
    [900, 1000, true],
  );
  const plain = fields(tlGroupMessage({ replyTo: replyTo(1000) }));
  assertEquals([plain.threadId, plain.replyToMessageId], [undefined, 1000]);
  assert(!("threadId" in plain));
  const noMessage = fields(tlGroupMessage({
    replyTo: replyTo(undefined, { replyToTopId: 900 }),
  }));
  assert(!("threadId" in noMessage) && !("replyToMessageId" in noMessage));
  assertEquals(noMessage.isTopicMessage, false);
  const story = fields(tlGroupMessage({
    replyTo: {
      _: "messageReplyStoryHeader",
      peer: peerUser(ADA_ID),
      storyId: 3,
    },
  }));
  assert(!("replyToMessageId" in story));
});

Deno.test("replyToMessage is set only when given, right after replyToMessageId", () => {
  const replied = render(tlGroupMessage({ id: 1000 }));
  const raw = tlGroupMessage({ replyTo: replyTo(1000) });
  assert(!("replyToMessage" in fields(raw)), "not fetched, not set");
  const message = fields(raw, { replyToMessage: replied });
  assertEquals(message.replyToMessage, replied);
  const keys = Object.keys(message);
  assertEquals(
    keys.slice(
      keys.indexOf("replyToMessageId"),
      keys.indexOf("replyToMessageId") + 2,
    ),
    ["replyToMessageId", "replyToMessage"],
  );
  assertEquals(repliedMessageId(raw), 1000);
  assertEquals(repliedMessageId(tlGroupMessage()), undefined);
  assertEquals(pinnedMessageId(raw), undefined, "a plain reply pins nothing");
});

Deno.test("business messages: businessConnectionId, and the given replied message names replyToMessageId", () => {
  const replied = render(tlMessage({ id: 40 }));
  const message = fields(tlMessage(), {
    businessConnectionId: "biz-1",
    replyToMessage: replied,
  });
  assertEquals(message.businessConnectionId, "biz-1");
  assertEquals(message.replyToMessageId, 40);
  assertEquals(message.replyToMessage, replied);
});

Deno.test("isScheduled: true from from_scheduled in place, forced by the context as the last key", () => {
  const fromScheduled = fields(tlMessage({ fromScheduled: true }));
  const keys = Object.keys(fromScheduled);
  assertEquals(keys[keys.indexOf("isScheduled") + 1], "from");
  const forced = fields(tlMessage(), { isScheduled: true });
  assertEquals(Object.keys(forced).at(-1), "isScheduled");
  assertEquals(forced.isScheduled, true);
  assert(!("isScheduled" in fields(tlMessage())));
});

Deno.test("the optional common fields, each from its TL field, in MTKruto's key order", () => {
  const message = fields(tlGroupMessage({
    views: 10,
    forwards: 2,
    noforwards: true,
    fromBoostsApplied: 3,
    effect: long("5104841245755180586"),
    viaBotId: BOT_ID,
    viaBusinessBotId: BOT_ID,
    postAuthor: "Ada L.",
    fromRank: "admin",
    groupedId: long("-13486623453433"),
    editDate: 1767225999,
    reactions: {
      _: "messageReactions",
      results: [
        {
          _: "reactionCount",
          reaction: { _: "reactionEmoji", emoticon: "👍" },
          count: 2,
          chosenOrder: 0,
        },
        {
          _: "reactionCount",
          reaction: { _: "reactionCustomEmoji", documentId: EMOJI_ID },
          count: 1,
        },
      ],
      recentReactions: [{
        _: "messagePeerReaction",
        peerId: peerUser(ADA_ID),
        date: 1767225900,
        reaction: { _: "reactionEmoji", emoticon: "👍" },
      }],
    },
    replyMarkup: { _: "replyKeyboardHide" },
  }));
  assertEquals(Object.keys(message), [
    "type",
    "isOutgoing",
    "id",
    "chat",
    "link",
    "date",
    "views",
    "forwards",
    "isTopicMessage",
    "hasProtectedContent",
    "senderBoostCount",
    "effectId",
    "from",
    "reactions",
    "replyMarkup",
    "viaBot",
    "viaBusinessBot",
    "authorSignature",
    "tag",
    "mediaGroupId",
    "editDate",
    "text",
    "entities",
  ]);
  assertEquals(message.hasProtectedContent, true);
  assertEquals(message.effectId, "5104841245755180586");
  assertEquals(message.mediaGroupId, "-13486623453433");
  assertEquals(message.viaBot, rendered.botUser());
  assertEquals(message.reactions, [
    {
      reaction: { type: "emoji", emoji: "👍" },
      count: 2,
      choosers: [ADA_ID],
      isChosen: true,
    },
    {
      reaction: { type: "custom", id: EMOJI_ID.toString() },
      count: 1,
      choosers: [],
      isChosen: false,
    },
  ]);
  assertEquals(message.replyMarkup, { type: "removeKeyboard" });
  assertEquals([message.authorSignature, message.tag], ["Ada L.", "admin"]);
  assert(!("editDate" in fields(tlMessage({ editDate: 0 }))));
});

Deno.test("directMessagesTopicId in direct-messages supergroups; for from guestchat_via_from", () => {
  const dmPeers = peersOf(tlUser(), tlChannel({ monoforum: true }));
  const dm = renderMessage(
    tlGroupMessage({ savedPeerId: peerUser(ADA_ID) }),
    dmPeers,
  ) as unknown as Record<string, unknown>;
  assertEquals(dm.directMessagesTopicId, ADA_ID);
  assert(
    !("directMessagesTopicId" in
      fields(tlGroupMessage({ savedPeerId: peerUser(ADA_ID) }))),
  );
  const guest = fields(
    tlMessage({ guestchatViaFrom: peerChannel(SUPERGROUP_ID) }),
  );
  assertEquals(guest.for, rendered.supergroup());
  const unknownGuest = fields(tlMessage({ guestchatViaFrom: peerUser(5) }));
  assert(!("for" in unknownGuest), "an unknown guest chat is left out");
});

Deno.test("isOutgoing from out; messages never carry a key without a value", () => {
  const message = fields(tlMessage({ out: true, fromId: peerUser(BOT_ID) }));
  assertEquals(message.isOutgoing, true);
  assertEquals(message.from, rendered.bot());
  assertRendersAs(message, { ...message });
});
