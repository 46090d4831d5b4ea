/**
 * The chats and users methods take, checked for the kind each method needs
 * once resolved (a supergroup or channel, a user, any group), with MTKruto's
 * error texts; and lists of chats as one parameter.
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
import { at, fail, readArray } from "../params/read.ts";
import type { DialectCall, Param } from "./define.ts";

/** How an error names a chat the caller gave. */
export function nameOf(chatId: InputPeerLike): string {
  return typeof chatId === "object" ? JSON.stringify(chatId) : String(chatId);
}

/** A non-empty list of chats (`ID[]`), phone numbers looked up. */
export function chatIdsParam(name: string): Param<InputPeerLike[]> {
  return {
    name,
    type: "ID[]",
    read(value, path) {
      const list = readArray(value, path);
      if (list.length === 0) fail(path, "a non-empty array of IDs", value);
      return list.map((item, index) => toChatId(item, at(path, index)));
    },
    resolve: (ids, call) =>
      Promise.all(
        ids.map((id) => resolveChatId(call.client, id as number | string)),
      ),
  };
}

/** The chat's InputPeer; a private chat is refused with MTKruto's error text. */
export async function groupOrChannelPeer(
  call: DialectCall,
  chatId: InputPeerLike,
): Promise<tl.TypeInputPeer> {
  const peer = await call.client.resolvePeer(chatId);
  if (isInputPeerUser(peer)) {
    throw new InputError("A chat or channel identifier was expected.");
  }
  return peer;
}

/** The supergroup or channel `chatId` names; an InputError (MTKruto's text) for any other chat. */
export async function channelOf(
  call: DialectCall,
  chatId: InputPeerLike,
): Promise<tl.TypeInputChannel> {
  const peer = await call.client.resolvePeer(chatId);
  if (!isInputPeerChannel(peer)) {
    throw new InputError(
      `The chat ${nameOf(chatId)} is neither a channel nor a supergroup.`,
    );
  }
  return toInputChannel(peer);
}

/** The user `userId` names; an InputError (MTKruto's text) for a group or channel. */
export async function userOf(
  call: DialectCall,
  userId: InputPeerLike,
): Promise<tl.TypeInputUser> {
  const peer = await call.client.resolvePeer(userId);
  if (!isInputPeerUser(peer)) {
    throw new InputError(`The chat ${nameOf(userId)} is not a private chat.`);
  }
  return toInputUser(peer);
}
