/**
 * Telegram's updates as MTKruto's `Update` objects (types.md §3.1). Most are
 * rendered at once, while mtcute hands them over; the ones that need a
 * network call (the message a callback query is about, the message a new
 * message replies to or pins, the name of a sticker's set) are queued as
 * their TL source and rendered when the queue reaches them (`renderHeld`),
 * so nothing is lost if the process stops in between.
 */
import { tl } from "@mtcute/core";
import { PeersIndex } from "@mtcute/core";
import type { TelegramClient } from "@mtcute/core/client.js";
import { tlJsonToMtcute } from "../../tl/from_json.ts";
import { mtcuteToTlJson } from "../../tl/to_json.ts";
import type { UpdateKind } from "../../updates/kinds.ts";
import { renderRawMessages } from "../render/messages.ts";
import { stickerSetsOf } from "../render/sticker_sets.ts";
import { renderBusinessConnection } from "../types/business_connection.ts";
import { renderChatActionType } from "../types/chat_action.ts";
import { renderChatMemberUpdated } from "../types/chat_member_updated.ts";
import { renderJoinRequest } from "../types/join_request.ts";
import {
  pinnedMessageId,
  renderMessage,
  repliedMessageId,
} from "../types/message.ts";
import type { PeerLookup } from "../types/peers.ts";
import { markedPeerId, peerChatP } from "../types/peers.ts";
import { renderPoll } from "../types/poll.ts";
import { renderPreCheckoutQuery } from "../types/pre_checkout_query.ts";
import {
  renderCallbackQuery,
  renderChosenInlineResult,
  renderInlineQuery,
} from "../types/queries.ts";
import {
  renderMessageReactionCount,
  renderMessageReactions,
} from "../types/reactions.ts";
import { renderStory } from "../types/story.ts";
import type { UpdateOf, UpdatePayloads } from "../types/update.ts";
import { renderVideoChat } from "../types/video_chat.ts";
import type { GroupCallHashes } from "./group_calls.ts";
import type { MessageChats } from "./message_chats.ts";

/** The plan of an update rendered at once, its payload checked against what clients are told it is (types/update.ts). */
function rendered<K extends UpdateKind>(
  type: K,
  payload: UpdatePayloads[K],
  identity?: string,
): UpdatePlan {
  return {
    type,
    ...(identity === undefined ? {} : { identity }),
    update: { type, [type]: payload },
  };
}

/** What to queue for one TL update. */
export type UpdatePlan =
  & { type: UpdateKind; identity?: string }
  & ({ update: Record<string, unknown> } | { source: string });

/** What the planner needs to know about the account. */
export interface PlanContext {
  chats: MessageChats;
  /** Where the access hashes of `updateGroupCall`'s calls are kept, for the video chat methods. */
  groupCalls?: GroupCallHashes;
}

type MessageUpdate =
  | tl.RawUpdateNewMessage
  | tl.RawUpdateNewChannelMessage
  | tl.RawUpdateEditMessage
  | tl.RawUpdateEditChannelMessage;

/** The TL source of a held-back update: the update and its peers, as TL-JSON text. */
function sourceOf(update: tl.TypeUpdate, peers: PeersIndex): string {
  return JSON.stringify({
    update: mtcuteToTlJson(update),
    users: [...peers.users.values()].map(mtcuteToTlJson),
    chats: [...peers.chats.values()].map(mtcuteToTlJson),
  });
}

function parseSource(
  source: string,
): { update: tl.TypeUpdate; peers: PeersIndex } {
  const { update, users, chats } = JSON.parse(source) as {
    update: unknown;
    users: unknown[];
    chats: unknown[];
  };
  const read = (value: unknown) => tlJsonToMtcute(value, { expect: "any" });
  return {
    update: read(update) as unknown as tl.TypeUpdate,
    peers: PeersIndex.from({
      users: users.map(read) as unknown as tl.TypeUser[],
      chats: chats.map(read) as unknown as tl.TypeChat[],
    }),
  };
}

/** Whether a message is in one of the boxes Telegram numbers per account (not a channel's own). */
function inCommonBox(message: tl.TypeMessage): boolean {
  return message._ !== "messageEmpty" && message.peerId._ !== "peerChannel";
}

function planMessage(
  update: MessageUpdate,
  peers: PeersIndex,
  context: PlanContext,
): UpdatePlan | undefined {
  const { message } = update;
  if (message._ === "messageEmpty") return undefined;
  const chatId = markedPeerId(message.peerId);
  if (inCommonBox(message)) context.chats.remember(message.id, chatId);
  // MTKruto delivers outgoing messages only when asked to (its `outgoingMessages`, off by default).
  if (message.out) return undefined;
  const edited = update._ === "updateEditMessage" ||
    update._ === "updateEditChannelMessage";
  const type = edited ? "editedMessage" : "message";
  const identity = edited
    ? `${type}:${chatId}:${message.id}:${
      message._ === "message" ? message.editDate ?? 0 : 0
    }`
    : `${type}:${chatId}:${message.id}`;
  // Held back when the render needs the network: a replied or pinned message, a sticker set's name.
  if (
    repliedMessageId(message) !== undefined ||
    pinnedMessageId(message) !== undefined ||
    stickerSetsOf(message).length > 0
  ) {
    return { type, identity, source: sourceOf(update, peers) };
  }
  const payload = renderMessage(message, peers);
  return payload ? rendered(type, payload, identity) : undefined;
}

function planDeletion(
  update: tl.RawUpdateDeleteMessages | tl.RawUpdateDeleteChannelMessages,
  context: PlanContext,
): UpdatePlan | undefined {
  const deletedMessages = update._ === "updateDeleteChannelMessages"
    ? update.messages.map((messageId) => ({
      chatId: markedPeerId({ _: "peerChannel", channelId: update.channelId }),
      messageId,
    }))
    : context.chats.chatsOf(update.messages);
  // MTKruto skips ids it does not know, and the whole update when it knows none.
  if (!deletedMessages.length) return undefined;
  return rendered(
    "deletedMessages",
    deletedMessages,
    `deletedMessages:${update.pts}:${update.messages.join(",")}`,
  );
}

/** A schedule queue's deletion (its messages were sent or dropped): MTKruto flags it `isScheduled`, the ids being the queue's. */
function planScheduledDeletion(
  update: tl.RawUpdateDeleteScheduledMessages,
): UpdatePlan {
  const chatId = markedPeerId(update.peer);
  const deleted: UpdateOf<"deletedMessages"> = {
    type: "deletedMessages",
    deletedMessages: update.messages.map((messageId) => ({
      chatId,
      messageId,
    })),
    isScheduled: true,
  };
  return { type: "deletedMessages", update: deleted };
}

function chatActionOf(
  update:
    | tl.RawUpdateUserTyping
    | tl.RawUpdateChatUserTyping
    | tl.RawUpdateChannelUserTyping,
): UpdatePlan | undefined {
  const action = renderChatActionType(update.action);
  if (!action) return undefined;
  const chatId = update._ === "updateUserTyping"
    ? update.userId
    : update._ === "updateChatUserTyping"
    ? markedPeerId({ _: "peerChat", chatId: update.chatId })
    : markedPeerId({ _: "peerChannel", channelId: update.channelId });
  const fromId = update._ === "updateUserTyping"
    ? update.userId
    : markedPeerId(update.fromId);
  const threadId = update._ === "updateChatUserTyping"
    ? undefined
    : update.topMsgId;
  return rendered("chatAction", {
    type: action,
    chatId,
    fromId,
    ...(threadId === undefined ? {} : { messageThreadId: threadId }),
  });
}

/**
 * The identity of an update of the account's qts sequence: its qts names it
 * once per account, so the same update fetched again (getDifference after a
 * crash before mtcute saved its qts) is not queued twice.
 */
function qtsIdentity(type: UpdateKind, update: { qts: number }): string {
  return `${type}:qts:${update.qts}`;
}

/**
 * `chatMember`, or `myChatMember` when the member is the account itself, as
 * MTKruto tells them apart (its own user object, which Telegram flags
 * `self`, renders with `isSelf`).
 */
function planParticipant(
  update: tl.RawUpdateChannelParticipant | tl.RawUpdateChatParticipant,
  peers: PeersIndex,
): UpdatePlan {
  const payload = renderChatMemberUpdated(update, peers);
  const member = payload.oldChatMember.member;
  const type = member.type === "private" && member.isSelf
    ? "myChatMember"
    : "chatMember";
  return rendered(type, payload, qtsIdentity(type, update));
}

/** `story`, or `deletedStory` for a deletion; MTKruto ignores skipped stories (`storyItemSkipped`). */
function planStory(
  update: tl.RawUpdateStory,
  peers: PeersIndex,
): UpdatePlan | undefined {
  const { story } = update;
  if (story._ === "storyItem") {
    return rendered("story", renderStory(story, update.peer, peers));
  }
  if (story._ !== "storyItemDeleted") return undefined;
  const chatId = markedPeerId(update.peer);
  return rendered(
    "deletedStory",
    { chatId, storyId: story.id },
    `deletedStory:${chatId}:${story.id}`,
  );
}

/** `videoChat`; the call's access hash is kept for the video chat methods first. MTKruto skips an update that names no chat. */
function planGroupCall(
  update: tl.RawUpdateGroupCall,
  context: PlanContext,
): UpdatePlan | undefined {
  context.groupCalls?.learn(update.call);
  if (!update.peer) return undefined;
  return rendered("videoChat", renderVideoChat(update.call));
}

/** What to queue for a TL update, or undefined when MTKruto has nothing for it. */
export function planUpdate(
  update: tl.TypeUpdate,
  peers: PeersIndex,
  context: PlanContext,
): UpdatePlan | undefined {
  switch (update._) {
    case "updateNewMessage":
    case "updateNewChannelMessage":
    case "updateEditMessage":
    case "updateEditChannelMessage":
      return planMessage(update, peers, context);
    case "updateDeleteMessages":
    case "updateDeleteChannelMessages":
      return planDeletion(update, context);
    case "updateDeleteScheduledMessages":
      return planScheduledDeletion(update);
    case "updateBotCallbackQuery":
      return {
        type: "callbackQuery",
        identity: `callbackQuery:${update.queryId}`,
        source: sourceOf(update, peers),
      };
    case "updateInlineBotCallbackQuery":
      return rendered(
        "callbackQuery",
        renderCallbackQuery(update, peers),
        `callbackQuery:${update.queryId}`,
      );
    case "updateBotInlineQuery":
      return rendered(
        "inlineQuery",
        renderInlineQuery(update, peers),
        `inlineQuery:${update.queryId}`,
      );
    case "updateBotInlineSend":
      return rendered(
        "chosenInlineResult",
        renderChosenInlineResult(update, peers),
      );
    case "updateMessagePoll":
      // MTKruto drops a poll update whose poll body it never saw.
      if (!update.poll) return undefined;
      return rendered(
        "poll",
        renderPoll({
          _: "messageMediaPoll",
          poll: update.poll,
          results: update.results,
        }),
      );
    case "updateMessagePollVote":
      return rendered("pollAnswer", {
        pollId: update.pollId.toString(),
        from: peerChatP(peers as PeerLookup, update.peer),
        optionIndexes: update.options.map((option) =>
          Number(new TextDecoder().decode(option))
        ),
      }, qtsIdentity("pollAnswer", update));
    case "updateUserTyping":
    case "updateChatUserTyping":
    case "updateChannelUserTyping":
      return chatActionOf(update);
    case "updateBotMessageReaction":
      return rendered(
        "messageReactions",
        renderMessageReactions(update, peers),
        qtsIdentity("messageReactions", update),
      );
    case "updateBotMessageReactions":
      return rendered(
        "messageReactionCount",
        renderMessageReactionCount(update, peers),
        qtsIdentity("messageReactionCount", update),
      );
    case "updateBotPrecheckoutQuery":
      return rendered(
        "preCheckoutQuery",
        renderPreCheckoutQuery(update, peers),
        `preCheckoutQuery:${update.queryId}`,
      );
    case "updateChannelParticipant":
    case "updateChatParticipant":
      return planParticipant(update, peers);
    case "updateBotBusinessConnect":
      return rendered(
        "businessConnection",
        renderBusinessConnection(
          update.connection,
          peers.user(update.connection.userId),
        ),
        qtsIdentity("businessConnection", update),
      );
    case "updateBotChatInviteRequester":
      return rendered(
        "joinRequest",
        renderJoinRequest(update, peers),
        qtsIdentity("joinRequest", update),
      );
    case "updateStory":
      return planStory(update, peers);
    case "updateGroupCall":
      return planGroupCall(update, context);
    default:
      return undefined;
  }
}

/**
 * Renders a held-back update from its source: fetches the message it needs,
 * then renders. Null when MTKruto would drop it (a callback query whose
 * message cannot be fetched). A network failure throws, to be tried again.
 */
export async function renderHeld(
  client: TelegramClient,
  kind: string,
  source: string,
): Promise<Record<string, unknown> | null> {
  let parsed;
  try {
    parsed = parseSource(source);
  } catch (error) {
    // A source this version cannot read will never render: drop it rather than hold the queue.
    console.error(`held-back update dropped: ${error}`);
    return null;
  }
  const { update, peers } = parsed;
  if (update._ === "updateBotCallbackQuery") {
    let found;
    try {
      [found] = await client.getMessages(
        markedPeerId(update.peer),
        [update.msgId],
      );
    } catch (error) {
      // Telegram refused (the chat is gone, the message is not ours to see): MTKruto drops such
      // a query. Anything else (the network) is tried again.
      if (tl.RpcError.is(error)) return null;
      throw error;
    }
    if (!found) return null;
    const [message] = await renderRawMessages(client, [{
      raw: found.raw,
      peers: found._peers,
    }]);
    if (!message) return null;
    return {
      type: "callbackQuery",
      callbackQuery: renderCallbackQuery(update, peers, message),
    };
  }
  if (
    update._ === "updateNewMessage" || update._ === "updateNewChannelMessage" ||
    update._ === "updateEditMessage" || update._ === "updateEditChannelMessage"
  ) {
    const [message] = await renderRawMessages(client, [{
      raw: update.message,
      peers,
    }]);
    return message ? { type: kind, [kind]: message } : null;
  }
  return null;
}
