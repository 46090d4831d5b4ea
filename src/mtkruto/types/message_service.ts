/**
 * The service variants of a TL `messageService` (types.md §4.4): the action
 * decides the variant and its payload, appended to the draft built by
 * message_base.ts.
 *
 * Divergences, for actions MTKruto handles with renderers we do not have:
 * gifts (`giftNonUpgraded`, `giftUpgraded`) and community changes give
 * `unsupported`; an empty chat photo or a shared peer that is not a user
 * gives `unsupported` where MTKruto fails the message.
 */
import type { Long, tl } from "@mtcute/core";
import { renderChecklistChanged, renderChecklistItem } from "./checklist.ts";
import type { MessageContext, MessageDraft } from "./message_base.ts";
import { unlessMissing } from "./optional_peer.ts";
import { renderRefundedPayment, renderSuccessfulPayment } from "./payment.ts";
import { markedPeerId, type PeerLookup, peerUser, type User } from "./peers.ts";
import { renderPhoto } from "./photo.ts";
import { renderPollOption } from "./poll.ts";
import { RenderError } from "./render_error.ts";

/** A custom emoji id as MTKruto writes it: decimal, left out when absent or zero. */
function customEmojiIdOf(id: Long | undefined): string | undefined {
  return id && !id.isZero() ? id.toString() : undefined;
}

/** The users a join action names: those added, or the sender who joined by link or request. */
function joinedUsers(
  raw: tl.RawMessageService,
  action: tl.TypeMessageAction,
  peers: PeerLookup,
): User[] {
  if (action._ === "messageActionChatAddUser") {
    return action.users.map((id) => peerUser(peers, id));
  }
  if (raw.fromId?._ !== "peerUser") {
    throw new RenderError(`Join notice ${raw.id} has no user as its sender`);
  }
  return [peerUser(peers, raw.fromId.userId)];
}

/** Appends the forum topic variants of a topic edit: closed, edited (title or icon) or reopened. */
function putTopicEdit(
  draft: MessageDraft,
  action: tl.RawMessageActionTopicEdit,
): void {
  const customEmojiId = customEmojiIdOf(action.iconEmojiId);
  if (action.closed) {
    draft.type = "forumTopicClosed";
  } else if (action.title || customEmojiId) {
    draft.type = "forumTopicEdited";
    draft.forumTopicEdited = customEmojiId === undefined
      ? { name: action.title ?? "" }
      : { name: action.title ?? "", customEmojiId };
  } else {
    draft.type = "forumTopicReopened";
  }
}

/** Sets a variant with one payload key named like it. */
function put(draft: MessageDraft, type: string, payload: unknown): void {
  draft.type = type;
  draft[type] = payload;
}

/** Chooses the service variant of `raw` and appends its payload; the draft stays `unsupported` when none fits. */
export function putService(
  draft: MessageDraft,
  raw: tl.RawMessageService,
  peers: PeerLookup,
  context: MessageContext,
): void {
  const { action } = raw;
  switch (action._) {
    case "messageActionChatAddUser":
    case "messageActionChatJoinedByLink":
    case "messageActionChatJoinedByRequest":
      return put(draft, "newChatMembers", joinedUsers(raw, action, peers));
    case "messageActionChatDeleteUser": {
      const user = unlessMissing(() => peerUser(peers, action.userId));
      if (user) put(draft, "leftChatMember", user);
      return;
    }
    case "messageActionChatEditTitle":
      return put(draft, "newChatTitle", action.title);
    case "messageActionChatEditPhoto":
      if (action.photo._ === "photo") {
        put(draft, "newChatPhoto", renderPhoto(action.photo));
      }
      return;
    case "messageActionChatDeletePhoto":
      draft.type = "deletedChatPhoto";
      return;
    case "messageActionChatCreate": {
      // Unlike the join notices, MTKruto skips created-with users it does not know.
      const users: User[] = [];
      for (const id of action.users) {
        const user = unlessMissing(() => peerUser(peers, id));
        if (user) users.push(user);
      }
      draft.type = "groupCreated";
      draft.newChatMembers = users;
      return;
    }
    case "messageActionChannelCreate":
      if (draft.chat.type === "channel") draft.type = "channelCreated";
      else if (draft.chat.type === "supergroup") {
        draft.type = "supergroupCreated";
      }
      return;
    case "messageActionChatMigrateTo":
      return put(
        draft,
        "chatMigratedTo",
        markedPeerId({ _: "peerChannel", channelId: action.channelId }),
      );
    case "messageActionChannelMigrateFrom":
      return put(draft, "chatMigratedFrom", -action.chatId);
    case "messageActionPinMessage":
      if (context.pinnedMessage) {
        put(draft, "pinnedMessage", context.pinnedMessage);
      }
      return;
    case "messageActionRequestedPeer": {
      const [peer] = action.peers;
      if (peer?._ === "peerUser") {
        put(draft, "userShared", {
          requestId: action.buttonId,
          userId: peer.userId,
        });
      }
      return;
    }
    case "messageActionBotAllowed":
      return put(
        draft,
        "writeAccessAllowed",
        action.app?._ === "botApp" ? { miniAppName: action.app.title } : {},
      );
    default:
      return putOtherService(draft, action, peers);
  }
}

/** The service variants of forum topics, video chats, payments, checklists, polls and screenshots. */
function putOtherService(
  draft: MessageDraft,
  action: tl.TypeMessageAction,
  peers: PeerLookup,
): void {
  switch (action._) {
    case "messageActionTopicCreate": {
      const customEmojiId = customEmojiIdOf(action.iconEmojiId);
      const topic = { name: action.title, color: action.iconColor };
      return put(
        draft,
        "forumTopicCreated",
        customEmojiId === undefined ? topic : { ...topic, customEmojiId },
      );
    }
    case "messageActionTopicEdit":
      return putTopicEdit(draft, action);
    case "messageActionGroupCallScheduled":
      return put(draft, "videoChatScheduled", {
        startDate: action.scheduleDate,
      });
    case "messageActionGroupCall":
      if (action.duration) {
        put(draft, "videoChatEnded", { duration: action.duration });
      } else draft.type = "videoChatStarted";
      return;
    case "messageActionSetMessagesTTL":
      return put(draft, "newAutoDeleteTime", action.period || 0);
    case "messageActionPaymentSentMe":
      return put(draft, "successfulPayment", renderSuccessfulPayment(action));
    case "messageActionPaymentRefunded":
      return put(draft, "refundedPayment", renderRefundedPayment(action));
    case "messageActionTodoCompletions":
      return put(draft, "checklistChanged", renderChecklistChanged(action));
    case "messageActionTodoAppendTasks":
      return put(
        draft,
        "checklistExtended",
        action.list.map((item) => renderChecklistItem(item, [], peers)),
      );
    case "messageActionPollAppendAnswer":
      return put(
        draft,
        "pollOptionAdded",
        renderPollOption(action.answer, [], { peers }),
      );
    case "messageActionPollDeleteAnswer":
      return put(
        draft,
        "pollOptionRemoved",
        renderPollOption(action.answer, [], { peers }),
      );
    case "messageActionScreenshotTaken":
      draft.type = "screenshotTaken";
      return;
  }
}
