/**
 * Creating and deleting chats (MTKruto 0.216's createGroup,
 * createSupergroup, createChannel and deleteChat): each answers the new
 * chat's ChatP, read from the creation's updates, which the client applies
 * like any other.
 */
import type { tl } from "@mtcute/core";
import { isInputPeerChat, toInputChannel } from "@mtcute/core/utils.js";
import { resolveChatId } from "../params/chat_id.ts";
import {
  type NewChatOptions,
  readTitle,
  toNewChatOptions,
} from "../params/chats.ts";
import { renderChatP } from "../types/peers.ts";
import { groupOrChannelPeer } from "./peers.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { chatIdParam, customParam, optionsParam } from "./params.ts";

const titleParam = customParam("title", "string", readTitle);

/** The chat a creation's updates carry, applied to the client's state like any other update. */
function createdChat(
  call: DialectCall,
  updates: tl.TypeUpdates,
  kind: "chat" | "channel",
): tl.TypeChat {
  call.client.handleClientUpdate(updates);
  const chats = "chats" in updates ? updates.chats : [];
  const chat = chats.find((candidate) => candidate._ === kind);
  if (!chat) throw new Error(`${call.method}: Telegram sent no new ${kind}`);
  return chat;
}

/** A supergroup or channel made with `channels.createChannel`. */
async function createChannel(
  call: DialectCall,
  title: string,
  kind: "supergroup" | "channel",
  options: NewChatOptions,
): Promise<unknown> {
  const updates = await call.client.call({
    _: "channels.createChannel",
    broadcast: kind === "channel" || undefined,
    megagroup: kind === "supergroup" || undefined,
    forum: options.isForum || undefined,
    title,
    about: options.description ?? "",
    ttlPeriod: options.messageTtl || undefined,
  });
  return renderChatP(createdChat(call, updates, "channel"));
}

/** The chat creation methods. */
export const CHAT_CREATION_METHODS: DialectMethod[] = [
  defineMethod(
    "createGroup",
    "user",
    [titleParam, optionsParam("CreateGroupParams")],
    "ChatPGroup",
    async (call, title, params) => {
      const options = toNewChatOptions("group", params, "params");
      const users = await Promise.all(
        options.users.map(async (user) =>
          call.client.resolveUser(
            await resolveChatId(call.client, user as number | string),
          )
        ),
      );
      const { updates } = await call.client.call({
        _: "messages.createChat",
        users,
        title,
        ttlPeriod: options.messageTtl || undefined,
      });
      return renderChatP(createdChat(call, updates, "chat"));
    },
  ),
  defineMethod(
    "createSupergroup",
    "user",
    [titleParam, optionsParam("CreateSupergroupParams")],
    "ChatPSupergroup",
    (call, title, params) =>
      createChannel(
        call,
        title,
        "supergroup",
        toNewChatOptions("supergroup", params, "params"),
      ),
  ),
  defineMethod(
    "createChannel",
    "user",
    [titleParam, optionsParam("CreateChannelParams")],
    "ChatPChannel",
    (call, title, params) =>
      createChannel(
        call,
        title,
        "channel",
        toNewChatOptions("channel", params, "params"),
      ),
  ),
  defineMethod(
    "deleteChat",
    "user",
    [chatIdParam()],
    "void",
    async (call, chatId) => {
      const peer = await groupOrChannelPeer(call, chatId);
      if (isInputPeerChat(peer)) {
        await call.client.call({
          _: "messages.deleteChat",
          chatId: peer.chatId,
        });
      } else {
        call.client.handleClientUpdate(
          await call.client.call({
            _: "channels.deleteChannel",
            channel: toInputChannel(peer),
          }),
        );
      }
      return null;
    },
  ),
];
