/** The profile and contact methods' readers and account checks, BusinessConnection and BlockedUserList (types.md §5.2, §7.5). */
import type { TelegramClient } from "@mtcute/core/client.js";
import { InputError } from "../../src/errors.ts";
import { readArguments } from "../../src/mtkruto/methods/define.ts";
import type { DialectMethod } from "../../src/mtkruto/methods/define.ts";
import { dialectMethod } from "../../src/mtkruto/methods/table.ts";
import { renderBlockedUserList } from "../../src/mtkruto/types/blocked_user.ts";
import { renderBusinessConnection } from "../../src/mtkruto/types/business_connection.ts";
import {
  assertEquals,
  assertRejects,
  assertThrowsWithMessage,
} from "../assert.ts";
import { peersOf, tlChannel, tlUser } from "./_mtkruto_fixtures.ts";
import { ADA_USER } from "./_mtkruto_samples.ts";

function method(name: string): DialectMethod {
  const found = dialectMethod(name);
  if (!found) throw new Error(`no method ${name}`);
  return found;
}

/** The InputError reading `args` for `name` throws, as a user (or a bot). */
function refusal(name: string, args: unknown[], isBot = false): string {
  return assertThrowsWithMessage(
    () => readArguments(method(name), args, isBot),
    InputError,
  ).message;
}

/** Runs `name` on read arguments with a client that must not be reached; the InputError it throws first. */
async function handlerRefusal(name: string, args: unknown[]): Promise<string> {
  const target = method(name);
  const read = readArguments(target, args, false);
  const client = new Proxy({}, {
    get: () => {
      throw new Error("the client was used");
    },
  }) as TelegramClient;
  const error = await assertRejects(
    target.call({
      client,
      isBot: false,
      method: name,
      signal: new AbortController().signal,
    }, read),
    InputError,
  );
  return error.message;
}

Deno.test("the profile and contact methods serve the accounts MTKruto lets call them", () => {
  for (
    const name of [
      "showUsername",
      "hideUsername",
      "reorderUsernames",
      "hideUsernames",
      "updateProfile",
      "setUsername",
      "removeUsername",
      "checkUsername",
      "setIsOnline",
      "blockUser",
      "unblockUser",
      "getBlockedUsers",
      "getContacts",
      "addContact",
      "deleteContact",
      "deleteContacts",
      "getCommonChats",
    ]
  ) {
    assertEquals(method(name).account, "user", name);
  }
  assertEquals(method("getBusinessConnection").account, "bot");
  assertEquals(
    refusal("blockUser", [1], true),
    "blockUser: not a user client.",
  );
  assertEquals(
    refusal("getBusinessConnection", ["x"]),
    "getBusinessConnection: not a bot client.",
  );
});

Deno.test("positional arguments are checked and named", () => {
  assertEquals(
    refusal("reorderUsernames", ["me", "alice"]),
    'Argument 2 of reorderUsernames (order) must be an array; got the string "alice"',
  );
  assertEquals(
    refusal("reorderUsernames", ["me", ["alice", ""]]),
    'Argument 2 of reorderUsernames (order)[1] must be a non-empty string; got the string ""',
  );
  assertEquals(
    refusal("showUsername", ["me", ""]),
    "Argument 2 of showUsername (username) must not be empty",
  );
  assertEquals(
    refusal("setIsOnline", [1]),
    "Argument 1 of setIsOnline (isOnline) must be true or false; got the number 1",
  );
  assertEquals(
    refusal("deleteContacts", [[1, -100]]),
    "Argument 1 of deleteContacts (userIds)[1] must be a user; -100 is a group or channel id",
  );
  assertEquals(
    refusal("getCommonChats", [-1001234567890]),
    "Argument 1 of getCommonChats (userId) must be a user; -1001234567890 is a group or channel id",
  );
  assertEquals(
    refusal("getBusinessConnection", [""], true),
    "Argument 1 of getBusinessConnection (id) must not be empty",
  );
  // a phone number is a user too, resolved later
  assertEquals(readArguments(method("deleteContact"), ["+1 555 0002"], false), [
    "+15550002",
  ]);
});

Deno.test("params are read before any network call", async () => {
  assertEquals(
    await handlerRefusal("updateProfile", [{}]),
    "params must set at least one of firstName, lastName and bio",
  );
  assertEquals(
    await handlerRefusal("getBlockedUsers", [{ offset: -1 }]),
    "params.offset must be an integer of at least 0; got the number -1",
  );
  assertEquals(
    await handlerRefusal("getBlockedUsers", [{ limit: 101 }]),
    "params.limit must be an integer from 1 to 100; got the number 101",
  );
  assertEquals(
    await handlerRefusal("getCommonChats", [5, { fromChatId: 42 }]),
    "params.fromChatId must be a group, supergroup or channel, not a user",
  );
  assertEquals(
    await handlerRefusal("addContact", [5, "Bob", {
      note: "hi",
      noteParseMode: "XML",
    }]),
    'params.noteParseMode must be "HTML", "Markdown" or null; got the string "XML"',
  );
  assertEquals(
    await handlerRefusal("addContact", [5, "Bob", { isPhoneNumberShared: 1 }]),
    "params.isPhoneNumberShared must be true or false; got the number 1",
  );
});

Deno.test("BusinessConnection: id, user, date, canReply from the rights, isEnabled unless disabled", () => {
  const connection = {
    _: "botBusinessConnection" as const,
    connectionId: "AbC-123",
    userId: 123456789,
    dcId: 2,
    date: 1767225600,
  };
  assertEquals(
    renderBusinessConnection(
      { ...connection, rights: { _: "businessBotRights", reply: true } },
      tlUser(),
    ),
    {
      id: "AbC-123",
      user: ADA_USER,
      date: 1767225600,
      canReply: true,
      isEnabled: true,
    },
  );
  const disabled = renderBusinessConnection(
    { ...connection, disabled: true },
    tlUser(),
  );
  assertEquals([disabled.canReply, disabled.isEnabled], [false, false]);
});

Deno.test("BlockedUserList: blocked users with their dates; channels are left out but counted", () => {
  const peers = peersOf(tlUser(), tlChannel());
  const blocked = [
    {
      _: "peerBlocked" as const,
      peerId: { _: "peerUser" as const, userId: 123456789 },
      date: 1767225600,
    },
    {
      _: "peerBlocked" as const,
      peerId: { _: "peerChannel" as const, channelId: tlChannel().id },
      date: 1767225700,
    },
  ];
  assertEquals(
    renderBlockedUserList(
      { _: "contacts.blocked", blocked, chats: [], users: [] },
      peers,
    ),
    {
      blockedUsers: [{ user: ADA_USER, blockedAt: 1767225600 }],
      count: 2,
    },
  );
  assertEquals(
    renderBlockedUserList(
      {
        _: "contacts.blockedSlice",
        count: 40,
        blocked: blocked.slice(0, 1),
        chats: [],
        users: [],
      },
      peers,
    ).count,
    40,
  );
});
