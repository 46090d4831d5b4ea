/** MTKruto's reactions (types.md §12): Reaction, MessageReaction lists and the bot reaction update payloads. */
import type { tl } from "@mtcute/core";
import {
  renderAvailableReactions,
  renderMessageReactionCount,
  renderMessageReactionList,
  renderMessageReactions,
  renderReaction,
  renderReactionList,
} from "../../src/mtkruto/types/reactions.ts";
import { RenderError } from "../../src/mtkruto/types/render_error.ts";
import { assertEquals, assertThrows } from "../assert.ts";
import { assertRendersAs, peersOf, tlChannel } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  CHANNEL_ID,
  EMOJI_ID,
  GRACE_ID,
  peerChannel,
  peerUser,
  rendered,
  SUPERGROUP_ID,
} from "./_mtkruto_message_fixtures.ts";

const THUMBS: tl.RawReactionEmoji = { _: "reactionEmoji", emoticon: "👍" };
const CUSTOM: tl.RawReactionCustomEmoji = {
  _: "reactionCustomEmoji",
  documentId: EMOJI_ID,
};

Deno.test("Reaction: emoji, custom (document id as text), paid; reactionEmpty has none", () => {
  assertEquals(renderReaction(THUMBS), { type: "emoji", emoji: "👍" });
  assertEquals(renderReaction(CUSTOM), {
    type: "custom",
    id: EMOJI_ID.toString(),
  });
  assertEquals(renderReaction({ _: "reactionPaid" }), { type: "paid" });
  assertEquals(renderReaction({ _: "reactionEmpty" }), undefined);
});

Deno.test("MessageReaction: one per result, choosers are the recent reactors with the same reaction", () => {
  const recent = (
    peerId: tl.TypePeer,
    reaction: tl.TypeReaction,
  ): tl.RawMessagePeerReaction => ({
    _: "messagePeerReaction",
    peerId,
    date: 1,
    reaction,
  });
  assertRendersAs(
    renderMessageReactionList({
      _: "messageReactions",
      results: [
        { _: "reactionCount", reaction: THUMBS, count: 3 },
        { _: "reactionCount", reaction: CUSTOM, count: 1, chosenOrder: 1 },
        { _: "reactionCount", reaction: { _: "reactionPaid" }, count: 50 },
      ],
      recentReactions: [
        recent(peerUser(ADA_ID), THUMBS),
        recent(peerChannel(CHANNEL_ID), THUMBS),
        recent(peerUser(GRACE_ID), {
          _: "reactionCustomEmoji",
          documentId: EMOJI_ID.add(0),
        }),
        recent(peerUser(GRACE_ID), { _: "reactionEmoji", emoticon: "🔥" }),
      ],
    }),
    [
      {
        reaction: { type: "emoji", emoji: "👍" },
        count: 3,
        choosers: [ADA_ID, -1000000000000 - CHANNEL_ID],
        isChosen: false,
      },
      {
        reaction: { type: "custom", id: EMOJI_ID.toString() },
        count: 1,
        choosers: [GRACE_ID],
        isChosen: true,
      },
      { reaction: { type: "paid" }, count: 50, choosers: [], isChosen: false },
    ],
  );
});

Deno.test("MessageReactions: user for a user actor, actorChat otherwise; the old and new lists", () => {
  const update = (actor: tl.TypePeer): tl.RawUpdateBotMessageReaction => ({
    _: "updateBotMessageReaction",
    peer: peerChannel(SUPERGROUP_ID),
    msgId: 1042,
    date: 1767225900,
    actor,
    oldReactions: [THUMBS],
    newReactions: [CUSTOM, { _: "reactionPaid" }],
    qts: 1,
  });
  const lists = {
    date: 1767225900,
    oldReactions: [{ type: "emoji", emoji: "👍" }],
    newReactions: [{ type: "custom", id: EMOJI_ID.toString() }, {
      type: "paid",
    }],
  };
  assertRendersAs(
    renderMessageReactions(update(peerUser(ADA_ID)), allPeers()),
    {
      chat: rendered.supergroup(),
      messageId: 1042,
      user: rendered.adaUser(),
      ...lists,
    },
  );
  assertRendersAs(
    renderMessageReactions(update(peerChannel(CHANNEL_ID)), allPeers()),
    {
      chat: rendered.supergroup(),
      messageId: 1042,
      actorChat: rendered.channel(),
      ...lists,
    },
  );
  assertThrows(
    () => renderMessageReactions(update(peerUser(99)), allPeers()),
    RenderError,
  );
});

Deno.test("MessageReactionCount: the chat, message, date and counts", () => {
  const update: tl.RawUpdateBotMessageReactions = {
    _: "updateBotMessageReactions",
    peer: peerChannel(SUPERGROUP_ID),
    msgId: 1042,
    date: 1767225900,
    reactions: [{ _: "reactionCount", reaction: THUMBS, count: 7 }],
    qts: 2,
  };
  assertRendersAs(renderMessageReactionCount(update, peersOf(tlChannel())), {
    chat: rendered.supergroup(),
    messageId: 1042,
    date: 1767225900,
    reactions: [{ reaction: { type: "emoji", emoji: "👍" }, count: 7 }],
  });
  assertThrows(
    () => renderMessageReactionCount(update, peersOf()),
    RenderError,
  );
});

Deno.test("AvailableReactions: none, all and some (empty reactions left out)", () => {
  assertEquals(renderAvailableReactions({ _: "chatReactionsNone" }), {
    type: "none",
  });
  assertEquals(
    renderAvailableReactions({ _: "chatReactionsAll", allowCustom: true }),
    { type: "all" },
  );
  assertEquals(
    renderAvailableReactions({
      _: "chatReactionsSome",
      reactions: [THUMBS, { _: "reactionEmpty" }, CUSTOM],
    }),
    {
      type: "some",
      reactions: [{ type: "emoji", emoji: "👍" }, {
        type: "custom",
        id: EMOJI_ID.toString(),
      }],
    },
  );
});

Deno.test("MessageReactionList: who reacted as ChatP, with the flags; nextOffset only when there is more", () => {
  const list = (
    nextOffset?: string,
  ): tl.messages.RawMessageReactionsList => ({
    _: "messages.messageReactionsList",
    count: 3,
    reactions: [
      {
        _: "messagePeerReaction",
        my: true,
        big: true,
        peerId: peerUser(ADA_ID),
        date: 1767225900,
        reaction: THUMBS,
      },
      {
        _: "messagePeerReaction",
        unread: true,
        peerId: peerChannel(CHANNEL_ID),
        date: 1767225800,
        reaction: CUSTOM,
      },
    ],
    chats: [],
    users: [],
    nextOffset,
  });
  assertRendersAs(renderReactionList(list("2"), allPeers()), {
    reactions: [
      {
        chat: rendered.ada(),
        date: 1767225900,
        reaction: { type: "emoji", emoji: "👍" },
        isBig: true,
        isCreator: true,
        isUnread: false,
      },
      {
        chat: rendered.channel(),
        date: 1767225800,
        reaction: { type: "custom", id: EMOJI_ID.toString() },
        isBig: false,
        isCreator: false,
        isUnread: true,
      },
    ],
    count: 3,
    nextOffset: "2",
  });
  assertEquals("nextOffset" in renderReactionList(list(), allPeers()), false);
  assertThrows(() => renderReactionList(list(), peersOf()), RenderError);
});
