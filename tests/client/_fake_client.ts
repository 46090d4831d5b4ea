/**
 * A fake of the client's MTKruto methods that records each call, and
 * updates, messages and users built as the gateway renders them, for the
 * composer, filter and context tests.
 */
import { DIALECT_METHODS } from "../../client/mtkruto/methods.ts";
import type { DialectMethods } from "../../client/mtkruto/methods.ts";
import type {
  ChatMemberUpdated,
  ChatP,
  ChatPPrivate,
  Message,
  MessageOf,
  Update,
  UpdatePayloads,
  User,
} from "../../client/mtkruto/types.ts";

/** One call the fake received. */
export interface RecordedCall {
  method: keyof DialectMethods;
  args: unknown[];
}

/** The fake client and what it was asked. */
export interface FakeClient {
  client: DialectMethods;
  calls: RecordedCall[];
}

type Overrides = {
  [M in keyof DialectMethods]?: (
    ...args: Parameters<DialectMethods[M]>
  ) => ReturnType<DialectMethods[M]>;
};

/**
 * A client whose every method records its call and resolves to
 * `undefined` — `getMe` to {@linkcode BOT} — unless `overrides` has it.
 */
export function fakeClient(overrides: Overrides = {}): FakeClient {
  const calls: RecordedCall[] = [];
  const defaults: Overrides = { getMe: () => Promise.resolve(BOT) };
  const methods = Object.fromEntries(
    (Object.keys(DIALECT_METHODS) as (keyof DialectMethods)[]).map(
      (method) => {
        const override = (overrides[method] ?? defaults[method]) as
          | ((...args: unknown[]) => Promise<unknown>)
          | undefined;
        return [method, (...args: unknown[]) => {
          calls.push({ method, args });
          return override ? override(...args) : Promise.resolve(undefined);
        }];
      },
    ),
  );
  return { client: methods as unknown as DialectMethods, calls };
}

/** A user with every flag off. */
export function user(id: number, fields: Partial<User> = {}): User {
  return {
    id,
    color: 0,
    isBot: false,
    firstName: `User ${id}`,
    isSelf: false,
    isDeleted: false,
    isContact: false,
    isMutualContact: false,
    isCloseFriend: false,
    isScam: false,
    isFake: false,
    isPremium: false,
    isVerified: false,
    isSupport: false,
    isRestricted: false,
    ...fields,
  };
}

/** The account the fake's `getMe` answers. */
export const BOT: User = user(777, {
  isBot: true,
  isSelf: true,
  firstName: "Test",
  username: "TestBot",
});

/** Alice, who sends the messages. */
export const ALICE: User = user(1001, { firstName: "Alice" });

/** The private chat with `person` (Alice by default). */
export function privateChat(person: User = ALICE): ChatPPrivate {
  return { ...person, type: "private" };
}

/** A supergroup. */
export const SUPERGROUP: ChatP = {
  id: -1001234567890,
  color: 0,
  type: "supergroup",
  title: "Group",
  isScam: false,
  isFake: false,
  isVerified: false,
  isRestricted: false,
  isForum: false,
  isDirectMessagesChat: false,
};

/** A text message from Alice (in her private chat unless `fields` say otherwise). */
export function textMessage(
  text: string,
  fields: Partial<MessageOf<"text">> = {},
): MessageOf<"text"> {
  return {
    type: "text",
    id: 42,
    chat: privateChat(),
    from: privateChat(),
    date: 1704067200,
    isOutgoing: false,
    isTopicMessage: false,
    text,
    entities: [],
    ...fields,
  };
}

/** A photo message from Alice. */
export function photoMessage(
  fields: Partial<MessageOf<"photo">> = {},
): MessageOf<"photo"> {
  const { text: _, entities: __, type: ___, ...base } = textMessage("");
  return {
    ...base,
    type: "photo",
    caption: "",
    captionEntities: [],
    photo: {
      fileId: "photo-file",
      fileUniqueId: "photo-unique",
      width: 640,
      height: 480,
      fileSize: 1000,
      thumbnails: [],
    },
    ...fields,
  };
}

/** The update of type `type` with `payload`. */
export function update<K extends keyof UpdatePayloads>(
  type: K,
  payload: UpdatePayloads[K],
): UpdateOfType<K> {
  return { updateId: 1, type, [type]: payload } as unknown as UpdateOfType<K>;
}

/** The update of type `K`, as `getUpdates` delivers it. */
export type UpdateOfType<K extends keyof UpdatePayloads> = Extract<
  Update,
  { type: K }
>;

/** A `message` update. */
export function messageUpdate(message: Message): Update {
  return update("message", message);
}

/** One update of each type, for the filter tests. */
export function everyUpdate(): {
  [K in keyof UpdatePayloads]: UpdateOfType<K>;
} {
  return {
    message: update("message", textMessage("hi")),
    editedMessage: update("editedMessage", textMessage("hi", { editDate: 1 })),
    deletedMessages: update("deletedMessages", [{
      chatId: ALICE.id,
      messageId: 42,
    }]),
    callbackQuery: update("callbackQuery", {
      id: "9001",
      from: ALICE,
      message: textMessage("pick one"),
      chatInstance: "1",
      data: "yes",
    }),
    inlineQuery: update("inlineQuery", {
      id: "9002",
      from: ALICE,
      query: "cats",
      offset: "",
    }),
    chosenInlineResult: update("chosenInlineResult", {
      resultId: "r1",
      from: ALICE,
      query: "cats",
      inlineMessageId: "inline-1",
    }),
    poll: update("poll", {
      id: "5",
      question: "?",
      questionEntities: [],
      options: [],
      totalVoterCount: 0,
      isClosed: false,
      isAnonymous: true,
      type: "regular",
    }),
    pollAnswer: update("pollAnswer", {
      pollId: "5",
      from: privateChat(),
      optionIndexes: [0],
    }),
    chatAction: update("chatAction", {
      type: { type: "typing" },
      chatId: SUPERGROUP.id,
      fromId: ALICE.id,
    }),
    messageReactions: update("messageReactions", {
      chat: SUPERGROUP,
      messageId: 42,
      user: ALICE,
      date: 1704067200,
      oldReactions: [],
      newReactions: [{ type: "emoji", emoji: "👍" }],
    }),
    messageReactionCount: update("messageReactionCount", {
      chat: SUPERGROUP,
      messageId: 42,
      date: 1704067200,
      reactions: [],
    }),
    preCheckoutQuery: update("preCheckoutQuery", {
      id: "9003",
      from: ALICE,
      currency: "XTR",
      totalAmount: 50,
      invoicePayload: "order-1",
    }),
    chatMember: update("chatMember", memberChange(privateChat())),
    myChatMember: update("myChatMember", memberChange(privateChat(BOT))),
    businessConnection: update("businessConnection", {
      id: "AbC-123",
      user: ALICE,
      date: 1704067200,
      canReply: true,
      isEnabled: true,
    }),
    story: update("story", {
      isOutgoing: false,
      id: 3,
      chat: privateChat(),
      date: 1704067200,
      content: { type: "unsupported" },
      isEdited: false,
      interactiveAreas: [],
      isHighlighted: false,
    }),
    deletedStory: update("deletedStory", { chatId: ALICE.id, storyId: 3 }),
    videoChat: update("videoChat", {
      type: "active",
      id: "8001",
      title: "",
      isLiveStream: false,
      participantCount: 0,
      isRecording: false,
    }),
    joinRequest: update("joinRequest", {
      chat: SUPERGROUP,
      from: ALICE,
      date: 1704067200,
      bio: "",
    }),
  };
}

/** Alice bans `member` from the supergroup. */
function memberChange(member: ChatPPrivate): ChatMemberUpdated {
  return {
    chat: SUPERGROUP,
    from: ALICE,
    date: 1704067200,
    oldChatMember: { status: "member", member },
    newChatMember: { status: "banned", member, until: 0 },
  };
}
