/**
 * Other users as the account keeps them: its contacts, its blocklist and
 * the groups it shares with someone (methods.md §B.1 for blockUser and
 * unblockUser; the rest as MTKruto 0.216's contact, account and chat-list
 * methods).
 */
import { type InputPeerLike, PeersIndex, type tl } from "@mtcute/core";
import { InputError } from "../../errors.ts";
import { resolveChatId, toChatId } from "../params/chat_id.ts";
import {
  optionalBoolean,
  optionalInteger,
  optionalString,
  pageLimit,
  readArray,
} from "../params/read.ts";
import { parseText } from "../text/parse_mode.ts";
import { renderBlockedUserList } from "../types/blocked_user.ts";
import { renderChatP, renderUser, type User } from "../types/peers.ts";
import type { DialectMethod, Param } from "./define.ts";
import { defineMethod } from "./define.ts";
import { chatIdParam, optionsParam, stringParam } from "./params.ts";

/** A user: like a chat id, but a (negative) group or channel id is refused while reading. */
function userIdParam(name: string): Param<InputPeerLike> {
  const chat = chatIdParam(name);
  return {
    ...chat,
    read(value, path) {
      if (typeof value === "number" && value < 0) {
        throw new InputError(
          `${path} must be a user; ${value} is a group or channel id`,
        );
      }
      return chat.read(value, path);
    },
  };
}

/** A non-empty list of users, phone numbers among them resolved before the handler runs. */
function userIdsParam(name: string): Param<InputPeerLike[]> {
  const item = userIdParam(name);
  return {
    name,
    type: "ID[]",
    read(value, path) {
      const list = readArray(value, path);
      if (list.length === 0) {
        throw new InputError(`${path} must name at least one user`);
      }
      return list.map((id, index) => item.read(id, `${path}[${index}]`));
    },
    resolve: (ids, call) =>
      Promise.all(
        ids.map((id) => resolveChatId(call.client, id as number | string)),
      ),
  };
}

/** AddContactParams as mtcute's addContact takes them; the note is parsed like a message text. */
function contactDetails(params: Record<string, unknown>) {
  const note = optionalString(params, "note", "params");
  return {
    lastName: optionalString(params, "lastName", "params"),
    phone: optionalString(params, "phoneNumber", "params"),
    sharePhone: optionalBoolean(params, "isPhoneNumberShared", "params"),
    note: note === undefined || note === "" ? undefined : parseText(
      note,
      { parseMode: params.noteParseMode, entities: params.noteEntities },
      "params",
      {
        textName: "params.note",
        parseModeKey: "noteParseMode",
        entitiesKey: "noteEntities",
      },
    ),
  };
}

/** getContacts builds each User straight from TL, which puts `photo` last (types.md §5.2). */
function contactUser(user: tl.TypeUser): User {
  const { photo, ...rest } = renderUser(user);
  return photo === undefined ? rest : { ...rest, photo };
}

/** The contact, blocklist and common-chat methods. */
export const CONTACT_METHODS: DialectMethod[] = [
  defineMethod("getContacts", "user", [], "User[]", async (call) => {
    const contacts = await call.client.getContacts();
    return contacts.map((user) => contactUser(user.raw));
  }),
  defineMethod(
    "addContact",
    "user",
    [
      userIdParam("userId"),
      stringParam("firstName"),
      optionsParam("AddContactParams"),
    ],
    "void",
    async (call, userId, firstName, params) => {
      const details = contactDetails(params);
      await call.client.addContact({ userId, firstName, ...details });
      return null;
    },
  ),
  defineMethod(
    "deleteContact",
    "user",
    [userIdParam("userId")],
    "void",
    async (call, userId) => {
      await call.client.deleteContacts([await call.client.resolveUser(userId)]);
      return null;
    },
  ),
  defineMethod(
    "deleteContacts",
    "user",
    [userIdsParam("userIds")],
    "void",
    async (call, userIds) => {
      // resolved one by one: mtcute's own lookup would skip unknown users silently
      const users = await Promise.all(
        userIds.map((id) => call.client.resolveUser(id)),
      );
      await call.client.deleteContacts(users);
      return null;
    },
  ),
  defineMethod(
    "blockUser",
    "user",
    [chatIdParam("userId")],
    "void",
    async (call, userId) => {
      await call.client.blockUser(userId);
      return null;
    },
  ),
  defineMethod(
    "unblockUser",
    "user",
    [chatIdParam("userId")],
    "void",
    async (call, userId) => {
      await call.client.unblockUser(userId);
      return null;
    },
  ),
  defineMethod(
    "getBlockedUsers",
    "user",
    [optionsParam("GetBlockedUsersParams")],
    "BlockedUserList",
    async (call, params) => {
      const request: tl.contacts.RawGetBlockedRequest = {
        _: "contacts.getBlocked",
        myStoriesFrom: optionalBoolean(
          params,
          "isBlockedFromViewingStories",
          "params",
        ),
        offset: optionalInteger(params, "offset", "params", { min: 0 }) ?? 0,
        limit: pageLimit(params),
      };
      const result = await call.client.call(request);
      return renderBlockedUserList(result, PeersIndex.from(result));
    },
  ),
  defineMethod(
    "getCommonChats",
    "user",
    [userIdParam("userId"), optionsParam("GetCommonChatsParams")],
    "ChatP[]",
    async (call, userId, params) => {
      // Read before any network call, so a bad option costs no lookups.
      const limit = pageLimit(params);
      const from = params.fromChatId === undefined || params.fromChatId === null
        ? undefined
        : toChatId(params.fromChatId, "params.fromChatId");
      if (typeof from === "number" && from > 0) {
        throw new InputError(
          "params.fromChatId must be a group, supergroup or channel, not a user",
        );
      }
      const maxId = from === undefined
        ? 0
        : await call.client.resolvePeer(await resolveChatId(call.client, from))
          .then((peer) => barePeerId(peer, "params.fromChatId"));
      const result = await call.client.call({
        _: "messages.getCommonChats",
        userId: await call.client.resolveUser(userId),
        maxId,
        limit,
      });
      return result.chats.flatMap((chat) =>
        chat._ === "chatEmpty" ? [] : [renderChatP(chat)]
      );
    },
  ),
];

/** The bare id of a group or channel peer (what `max_id` takes). */
function barePeerId(peer: tl.TypeInputPeer, path: string): number {
  switch (peer._) {
    case "inputPeerChat":
      return peer.chatId;
    case "inputPeerChannel":
    case "inputPeerChannelFromMessage":
      return peer.channelId;
    default:
      throw new InputError(`${path} must be a group, supergroup or channel`);
  }
}
