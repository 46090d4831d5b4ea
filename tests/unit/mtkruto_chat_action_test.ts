/** The typing updates as MTKruto's `chatAction {type, chatId, fromId, messageThreadId?}` (types.md §3.1). */
import type { tl } from "@mtcute/core";
import { renderChatActionType } from "../../src/mtkruto/types/chat_action.ts";
import { MessageChats } from "../../src/mtkruto/updates/message_chats.ts";
import { planUpdate } from "../../src/mtkruto/updates/from_tl.ts";
import { assertEquals } from "../assert.ts";
import { long } from "./_mtkruto_fixtures.ts";
import {
  ADA_ID,
  allPeers,
  BOT_ID,
  peerChannel,
  peerUser,
  SUPERGROUP_ID,
} from "./_mtkruto_message_fixtures.ts";

const GROUP_ID = 4455;
const TYPING: tl.TypeSendMessageAction = { _: "sendMessageTypingAction" };

function plan(update: tl.TypeUpdate) {
  const chats = new MessageChats(":memory:");
  try {
    return planUpdate(update, allPeers(), { chats });
  } finally {
    chats.close();
  }
}

/** The `chatAction` plan MTKruto queues for `chatAction` (no identity: typing is not deduplicated). */
function chatActionPlan(chatAction: Record<string, unknown>) {
  return {
    type: "chatAction",
    update: { type: "chatAction", chatAction },
  };
}

Deno.test("updateUserTyping: the chat and the actor are the other party; a bot forum topic is the thread", () => {
  assertEquals(
    plan({ _: "updateUserTyping", userId: BOT_ID, action: TYPING }),
    chatActionPlan({
      type: { type: "typing" },
      chatId: BOT_ID,
      fromId: BOT_ID,
    }),
  );
  assertEquals(
    plan({
      _: "updateUserTyping",
      userId: BOT_ID,
      topMsgId: 12,
      action: { _: "sendMessageUploadPhotoAction", progress: 40 },
    }),
    chatActionPlan({
      type: { type: "uploadingPhoto", progress: 40 },
      chatId: BOT_ID,
      fromId: BOT_ID,
      messageThreadId: 12,
    }),
  );
});

Deno.test("updateChatUserTyping and updateChannelUserTyping: the chat's marked id, the actor's peer (a chat for anonymous admins), the channel's thread", () => {
  assertEquals(
    plan({
      _: "updateChatUserTyping",
      chatId: GROUP_ID,
      fromId: peerUser(ADA_ID),
      action: { _: "sendMessageCancelAction" },
    }),
    chatActionPlan({
      type: { type: "cancel" },
      chatId: -GROUP_ID,
      fromId: ADA_ID,
    }),
  );
  const channelChatId = -1_000_000_000_000 - SUPERGROUP_ID;
  assertEquals(
    plan({
      _: "updateChannelUserTyping",
      channelId: SUPERGROUP_ID,
      topMsgId: 77,
      fromId: peerChannel(SUPERGROUP_ID),
      action: TYPING,
    }),
    chatActionPlan({
      type: { type: "typing" },
      chatId: channelChatId,
      fromId: channelChatId,
      messageThreadId: 77,
    }),
  );
  assertEquals(
    plan({
      _: "updateChannelUserTyping",
      channelId: SUPERGROUP_ID,
      fromId: peerUser(ADA_ID),
      action: { _: "sendMessageRecordAudioAction" },
    }),
    chatActionPlan({
      type: { type: "recordingVoice" },
      chatId: channelChatId,
      fromId: ADA_ID,
    }),
  );
});

Deno.test("each TL action has its ChatActionType kind; only uploads carry a progress", () => {
  // MTKruto 0.216 itself renders sendMessageRecordVideoAction as recordingVideoNote and
  // sendMessageChooseContactAction as playingGame (a switch fall-through); types.md names
  // neither, so each action keeps its own kind here and a contact choice is not delivered.
  const kinds: [tl.TypeSendMessageAction, Record<string, unknown>][] = [
    [TYPING, { type: "typing" }],
    [{ _: "sendMessageRecordVideoAction" }, { type: "recordingVideo" }],
    [{ _: "sendMessageRecordAudioAction" }, { type: "recordingVoice" }],
    [{ _: "sendMessageChooseStickerAction" }, { type: "choosingSticker" }],
    [{ _: "sendMessageGeoLocationAction" }, { type: "choosingLocation" }],
    [{ _: "sendMessageRecordRoundAction" }, { type: "recordingVideoNote" }],
    [{ _: "sendMessageGamePlayAction" }, { type: "playingGame" }],
    [{ _: "sendMessageCancelAction" }, { type: "cancel" }],
    [
      { _: "sendMessageUploadPhotoAction", progress: 1 },
      { type: "uploadingPhoto", progress: 1 },
    ],
    [
      { _: "sendMessageUploadVideoAction", progress: 0 },
      { type: "uploadingVideo", progress: 0 },
    ],
    [
      { _: "sendMessageUploadAudioAction", progress: 50 },
      { type: "uploadingAudio", progress: 50 },
    ],
    [
      { _: "sendMessageUploadDocumentAction", progress: 99 },
      { type: "uploadingDocument", progress: 99 },
    ],
    [
      { _: "sendMessageUploadRoundAction", progress: 100 },
      { type: "uploadingVideoNote", progress: 100 },
    ],
  ];
  for (const [action, kind] of kinds) {
    assertEquals([action._, renderChatActionType(action)], [action._, kind]);
  }
});

Deno.test("actions MTKruto has no ChatActionType for have no chatAction", () => {
  const dropped: tl.TypeSendMessageAction[] = [
    { _: "sendMessageChooseContactAction" },
    { _: "speakingInGroupCallAction" },
    { _: "sendMessageHistoryImportAction", progress: 5 },
    { _: "sendMessageEmojiInteractionSeen", emoticon: "🎉" },
    // a live draft is MTKruto's messageDraft, not a chatAction
    {
      _: "sendMessageTextDraftAction",
      randomId: long(1),
      text: { _: "textWithEntities", text: "dra", entities: [] },
    },
  ];
  for (const action of dropped) {
    assertEquals([action._, renderChatActionType(action)], [
      action._,
      undefined,
    ]);
  }
  assertEquals(
    plan({
      _: "updateChatUserTyping",
      chatId: GROUP_ID,
      fromId: peerUser(ADA_ID),
      action: { _: "speakingInGroupCallAction" },
    }),
    undefined,
  );
});
