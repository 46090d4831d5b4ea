/**
 * The account's own profile: names and bio, its username, collectible
 * usernames (its own, its bots' and its channels'), online status, and a
 * bot's business connections (methods.md §B.1; the rest as MTKruto 0.216's
 * account methods).
 */
import type { InputPeerLike, tl } from "@mtcute/core";
import {
  isInputPeerChannel,
  isInputPeerUser,
  toInputChannel,
  toInputUser,
} from "@mtcute/core/utils.js";
import { InputError } from "../../errors.ts";
import { resolveChatId, toChatId } from "../params/chat_id.ts";
import {
  optionalString,
  readArray,
  readBoolean,
  readString,
} from "../params/read.ts";
import { renderBusinessConnection } from "../types/business_connection.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import {
  chatIdParam,
  customParam,
  optionsParam,
  stringParam,
} from "./params.ts";

/** Whose usernames a call changes: the account's own, a bot it owns, or a supergroup/channel. */
type UsernameOwner =
  | { kind: "self" }
  | { kind: "bot"; bot: tl.TypeInputUser }
  | { kind: "channel"; channel: tl.TypeInputChannel };

/** What `id` of showUsername and its kin names; a basic group has no usernames. */
async function usernameOwner(
  call: DialectCall,
  id: InputPeerLike,
): Promise<UsernameOwner> {
  const peer = await call.client.resolvePeer(id);
  const selfId = call.client.storage.self.getCached()?.userId;
  if (
    peer._ === "inputPeerSelf" ||
    (peer._ === "inputPeerUser" && peer.userId === selfId)
  ) {
    return { kind: "self" };
  }
  if (isInputPeerUser(peer)) return { kind: "bot", bot: toInputUser(peer) };
  if (isInputPeerChannel(peer)) {
    return { kind: "channel", channel: toInputChannel(peer) };
  }
  throw new InputError(
    `Argument 1 of ${call.method} (id) must be "me", a bot, a supergroup or a channel; a basic group has no usernames`,
  );
}

/** `account.toggleUsername`, `bots.toggleUsername` or `channels.toggleUsername`, whichever `id` calls for. */
async function toggleUsername(
  call: DialectCall,
  id: InputPeerLike,
  username: string,
  active: boolean,
): Promise<null> {
  const owner = await usernameOwner(call, id);
  await call.client.call(
    owner.kind === "self"
      ? { _: "account.toggleUsername", username, active }
      : owner.kind === "bot"
      ? { _: "bots.toggleUsername", bot: owner.bot, username, active }
      : {
        _: "channels.toggleUsername",
        channel: owner.channel,
        username,
        active,
      },
  );
  return null;
}

/** A non-empty list of usernames. */
function readUsernames(value: unknown, path: string): string[] {
  const list = readArray(value, path);
  if (list.length === 0) {
    throw new InputError(`${path} must name at least one username`);
  }
  return list.map((item, index) =>
    readString(item, `${path}[${index}]`, { nonEmpty: true })
  );
}

/** UpdateProfileParams, trimmed as MTKruto does; at least one key must be given. */
function profileChanges(
  params: Record<string, unknown>,
): { firstName?: string; lastName?: string; about?: string } {
  const firstName = optionalString(params, "firstName", "params")?.trim();
  const lastName = optionalString(params, "lastName", "params")?.trim();
  const about = optionalString(params, "bio", "params")?.trim();
  if (
    firstName === undefined && lastName === undefined && about === undefined
  ) {
    throw new InputError(
      "params must set at least one of firstName, lastName and bio",
    );
  }
  return { firstName, lastName, about };
}

/** The profile methods. */
export const PROFILE_METHODS: DialectMethod[] = [
  defineMethod(
    "getBusinessConnection",
    "bot",
    [stringParam("id", { nonEmpty: true })],
    "BusinessConnection",
    async (call, id) => {
      const connection = await call.client.getBusinessConnection(id);
      return renderBusinessConnection(connection.raw, connection.user.raw);
    },
  ),
  defineMethod(
    "updateProfile",
    "user",
    [optionsParam("UpdateProfileParams")],
    "void",
    async (call, params) => {
      const changes = profileChanges(params);
      await call.client.call({ _: "account.updateProfile", ...changes });
      return null;
    },
  ),
  defineMethod(
    "setUsername",
    "user",
    [stringParam("username")],
    "void",
    async (call, username) => {
      await call.client.setMyUsername(username);
      return null;
    },
  ),
  defineMethod("removeUsername", "user", [], "void", async (call) => {
    await call.client.setMyUsername(null);
    return null;
  }),
  defineMethod(
    "checkUsername",
    "user",
    [stringParam("username"), optionsParam("CheckUsernameParams")],
    "boolean",
    async (call, username, params) => {
      if (params.chatId === undefined || params.chatId === null) {
        return await call.client.call({ _: "account.checkUsername", username });
      }
      const chatId = await resolveChatId(
        call.client,
        toChatId(params.chatId, "params.chatId"),
      );
      return await call.client.call({
        _: "channels.checkUsername",
        channel: await call.client.resolveChannel(chatId),
        username,
      });
    },
  ),
  defineMethod(
    "showUsername",
    "user",
    [chatIdParam("id"), stringParam("username", { nonEmpty: true })],
    "void",
    (call, id, username) => toggleUsername(call, id, username, true),
  ),
  defineMethod(
    "hideUsername",
    "user",
    [chatIdParam("id"), stringParam("username", { nonEmpty: true })],
    "void",
    (call, id, username) => toggleUsername(call, id, username, false),
  ),
  defineMethod(
    "reorderUsernames",
    "user",
    [chatIdParam("id"), customParam("order", "string[]", readUsernames)],
    "boolean",
    async (call, id, order) => {
      const owner = await usernameOwner(call, id);
      return await call.client.call(
        owner.kind === "self"
          ? { _: "account.reorderUsernames", order }
          : owner.kind === "bot"
          ? { _: "bots.reorderUsernames", bot: owner.bot, order }
          : { _: "channels.reorderUsernames", channel: owner.channel, order },
      );
    },
  ),
  defineMethod(
    "hideUsernames",
    "user",
    [chatIdParam("id")],
    "boolean",
    async (call, id) => {
      const peer = await call.client.resolvePeer(id);
      if (!isInputPeerChannel(peer)) {
        throw new InputError(
          "Argument 1 of hideUsernames (id) must be a supergroup or a channel",
        );
      }
      return await call.client.call({
        _: "channels.deactivateAllUsernames",
        channel: toInputChannel(peer),
      });
    },
  ),
  defineMethod(
    "setIsOnline",
    "user",
    [customParam("isOnline", "boolean", readBoolean)],
    "void",
    async (call, isOnline) => {
      // once, as MTKruto does; mtcute's setOnline would keep a timer
      await call.client.call({ _: "account.updateStatus", offline: !isOnline });
      return null;
    },
  ),
];
