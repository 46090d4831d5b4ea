import type { tl } from "@mtcute/core";
import { InputError } from "../../src/errors.ts";
import {
  readTopicId,
  readTopicIds,
  toNewTopicOptions,
  toTopicIcon,
  toTopicListQuery,
} from "../../src/mtkruto/params/topics.ts";
import {
  type Message,
  renderMessage,
} from "../../src/mtkruto/types/message.ts";
import type { MessageOf } from "../../src/mtkruto/types/results.ts";
import {
  renderTopic,
  renderTopicList,
  topicFromMessages,
} from "../../src/mtkruto/types/topic.ts";
import {
  assert,
  assertEquals,
  assertThrows,
  assertThrowsWithMessage,
} from "../assert.ts";
import { assertRendersAs, long } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  peerChannel,
  peerUser,
  rendered,
  replyTo,
  SUPERGROUP_ID,
  tlGroupMessage,
  tlService,
} from "./_mtkruto_message_fixtures.ts";

const EMOJI = "5312536423851630001";
const asUser = { isBot: false, method: "createTopic" };
const asBot = { isBot: true, method: "createTopic" };

/** Renders a TL message with the fixture peers (and the message it replies to, when given). */
function render(
  raw: tl.TypeMessage,
  replyToMessage?: Message,
): Message {
  const message = renderMessage(raw, allPeers(), { replyToMessage });
  assert(message);
  return message;
}

/** The notice of topic 50 ("Ideas") Ada created in the supergroup. */
function created(): MessageOf<"forumTopicCreated"> {
  return render(tlService({
    _: "messageActionTopicCreate",
    title: "Ideas",
    iconColor: 0xFF93B2,
    iconEmojiId: long(EMOJI),
  })) as MessageOf<"forumTopicCreated">;
}

/** A TL `forumTopic` of the supergroup, topic 50 by Ada unless overridden. */
function tlForumTopic(
  overrides: Partial<tl.RawForumTopic> = {},
): tl.RawForumTopic {
  return {
    _: "forumTopic",
    id: 50,
    date: 1767225800,
    peer: peerChannel(SUPERGROUP_ID),
    title: "Ideas",
    iconColor: 0x6FB9F0,
    topMessage: 60,
    readInboxMaxId: 0,
    readOutboxMaxId: 0,
    unreadCount: 0,
    unreadMentionsCount: 0,
    unreadReactionsCount: 0,
    unreadPollVotesCount: 0,
    fromId: peerUser(ADA_ID),
    notifySettings: { _: "peerNotifySettings" },
    ...overrides,
  };
}

Deno.test("topic ids: General is 1; editing and deleting take the others only", () => {
  assertEquals(readTopicId(1, "topicId"), 1);
  assertEquals(readTopicId(2, "topicId", { nonGeneral: true }), 2);
  const error = assertThrows(
    () =>
      readTopicId(1, "Argument 2 of editTopic (topicId)", {
        nonGeneral: true,
      }),
    InputError,
  );
  assertEquals(
    error.message,
    "Argument 2 of editTopic (topicId) must be an integer from 2 to 2147483647; got the number 1",
  );
  assertThrows(() => readTopicId(0, "topicId"), InputError);
  assertThrows(() => readTopicId(1.5, "topicId"), InputError);
  assertEquals(readTopicIds([1, 7], "topicIds"), [1, 7]);
  assertThrowsWithMessage(
    () => readTopicIds([], "topicIds"),
    InputError,
    "non-empty",
  );
  assertThrowsWithMessage(
    () => readTopicIds([1, "2"], "topicIds"),
    InputError,
    "topicIds[1] must be an integer",
  );
});

Deno.test("CreateTopicParams, EditTopicParams and GetTopicsParams as the readers take them", () => {
  assertEquals(toNewTopicOptions({}, asUser, "params"), {
    iconColor: undefined,
    iconEmojiId: undefined,
    sendAs: undefined,
  });
  const options = toNewTopicOptions(
    { color: 0xFFD67E, customEmojiId: EMOJI, sendAs: "@ada" },
    asUser,
    "params",
  );
  assertEquals(
    [options.iconColor, options.iconEmojiId?.toString(), options.sendAs],
    [0xFFD67E, EMOJI, "ada"],
  );
  assertThrowsWithMessage(
    () => toNewTopicOptions({ color: 0x1000000 }, asUser, "params"),
    InputError,
    "params.color must be an integer from 0 to 16777215",
  );
  assertThrowsWithMessage(
    () => toNewTopicOptions({ sendAs: -100 }, asBot, "params"),
    InputError,
    "createTopic: sendAs: not a user client.",
  );
  assertEquals(
    toTopicIcon({ customEmojiId: EMOJI }, "params")?.toString(),
    EMOJI,
  );
  assertEquals(toTopicIcon({ customEmojiId: null }, "params"), undefined);
  assertThrowsWithMessage(
    () => toTopicIcon({ customEmojiId: 5 }, "params"),
    InputError,
    "params.customEmojiId must be a 64-bit integer",
  );
  assertEquals(toTopicListQuery({}, "params"), {
    offsetId: 0,
    offsetDate: 0,
    offsetTopic: 0,
    limit: 100,
  });
  assertEquals(
    toTopicListQuery(
      { offsetId: 9, offsetDate: 1767225800, offsetTopicId: 50, limit: 2 },
      "params",
    ),
    { offsetId: 9, offsetDate: 1767225800, offsetTopic: 50, limit: 2 },
  );
  assertThrowsWithMessage(
    () => toTopicListQuery({ limit: 101 }, "params"),
    InputError,
    "params.limit must be an integer from 1 to 100",
  );
});

Deno.test("a Topic from the creation notice, and with an edit notice's title and icon", () => {
  assertRendersAs(topicFromMessages(created()), {
    type: "active",
    id: 50,
    date: 1767225800,
    creator: rendered.ada(),
    isGeneral: false,
    isClosed: false,
    isHidden: false,
    name: "Ideas",
    color: 0xFF93B2,
    customEmojiId: EMOJI,
    isDeleted: false,
  });
  const edit = render(
    tlService({ _: "messageActionTopicEdit", title: "Plans" }, {
      id: 61,
      replyTo: replyTo(50, { forumTopic: true }),
    }),
    created(),
  );
  assertEquals(edit.type, "forumTopicEdited");
  const topic = topicFromMessages(
    created(),
    edit as MessageOf<"forumTopicEdited">,
  );
  // MTKruto takes the edit notice's icon, which has none when only the title changed.
  assertEquals([topic.name, topic.customEmojiId], ["Plans", undefined]);
});

Deno.test("a Topic from a TL forumTopic: closed and hidden flags, General, deleted topics", () => {
  assertRendersAs(
    renderTopic(
      tlForumTopic({ closed: true, iconEmojiId: long(EMOJI) }),
      allPeers(),
    ),
    {
      type: "active",
      id: 50,
      date: 1767225800,
      creator: rendered.ada(),
      isGeneral: false,
      isClosed: true,
      isHidden: false,
      name: "Ideas",
      color: 0x6FB9F0,
      customEmojiId: EMOJI,
      isDeleted: false,
    },
  );
  const general = renderTopic(
    tlForumTopic({ id: 1, title: "General", hidden: true }),
    allPeers(),
  );
  assert(general.type === "active");
  assertEquals([general.isGeneral, general.isHidden], [true, true]);
  assertRendersAs(
    renderTopic({ _: "forumTopicDeleted", id: 7 }, allPeers()),
    { type: "deleted", id: 7 },
  );
});

Deno.test("a TopicList: each topic with its top message, without the message that one replies to", () => {
  const top = render(
    tlGroupMessage({
      id: 60,
      replyTo: replyTo(50, { forumTopic: true }),
    }),
    created(),
  );
  assert("replyToMessage" in top);
  const list = renderTopicList(
    {
      _: "messages.forumTopics",
      count: 3,
      topics: [
        tlForumTopic(),
        tlForumTopic({ id: 1, title: "General", topMessage: 99 }),
        { _: "forumTopicDeleted", id: 7 },
      ],
      messages: [],
      chats: [],
      users: [],
      pts: 5,
    },
    allPeers(),
    [top],
  );
  assertEquals(list.count, 3);
  assertEquals(list.isOrderedByCreationDate, false);
  const [ideas, general, deleted] = list.items;
  const { replyToMessage: _, ...withoutReply } = top;
  assertEquals(ideas.lastMessage, withoutReply);
  assert(!("replyToMessage" in ideas.lastMessage!));
  assertEquals(
    [ideas.lastMessage?.isTopicMessage, ideas.lastMessage?.replyToMessageId],
    [true, 50],
  );
  // a top message that did not come along leaves the item without one
  assert(!("lastMessage" in general));
  assertEquals(deleted, { topic: { type: "deleted", id: 7 } });
});
