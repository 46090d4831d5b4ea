/** Test helpers for groups and channels: a world with a user, a second user and a bot, and the input peers they use. */
import { Long, type tl } from "@mtcute/core";
import { assert, rejection } from "../../assert.ts";
import { RpcFailure } from "../contract.ts";
import {
  botSession,
  type FakeSession,
  invoke,
  userSession,
} from "./_testing.ts";
import { createChat } from "./chat_creation.ts";
import type { ChatType } from "./chats.ts";
import { bareId, peerKind } from "./peer_keys.ts";
import { World } from "./world.ts";

/** A world with users Ann and Bob and a bot, each with a subscribed session, and a chat of `type` they are all in. */
export async function chatSetup(
  type: ChatType,
  options: { differenceSliceSize?: number; username?: string } = {},
) {
  const world = new World(options);
  const ann = world.state.accounts.createUser({
    phone: "15550100",
    firstName: "Ann",
  });
  const bob = world.state.accounts.createUser({
    phone: "15550101",
    firstName: "Bob",
  });
  const { bot, session: botMain } = await botSession(world, "group_bot");
  const annMain = userSession(ann.id);
  const bobMain = userSession(bob.id);
  for (const session of [botMain, annMain, bobMain]) {
    await invoke(world, session, { _: "updates.getState" });
  }
  const chat = createChat({ state: world.state, sessions: world.sessions }, {
    type,
    title: "Test chat",
    creatorId: ann.id,
    memberIds: [bob.id, bot.id],
    username: options.username,
  });
  return { world, ann, bob, bot, annMain, bobMain, botMain, chat };
}

/** The `InputPeer` `viewerId` uses for the chat `key`. */
export function chatPeer(
  world: World,
  viewerId: number,
  key: number,
): tl.TypeInputPeer {
  return peerKind(key) === "group"
    ? { _: "inputPeerChat", chatId: bareId(key) }
    : {
      _: "inputPeerChannel",
      channelId: bareId(key),
      accessHash: world.state.chats.accessHash(viewerId, key),
    };
}

/** The `InputChannel` `viewerId` uses for the channel `key`. */
export function inputChannel(
  world: World,
  viewerId: number,
  key: number,
): tl.RawInputChannel {
  return {
    _: "inputChannel",
    channelId: bareId(key),
    accessHash: world.state.chats.accessHash(viewerId, key),
  };
}

/** Sends `text` to `peer` as `session`; returns the call's `updates`. */
export async function sendText(
  world: World,
  session: FakeSession,
  peer: tl.TypeInputPeer,
  text: string,
  extra: Partial<tl.messages.RawSendMessageRequest> = {},
): Promise<tl.RawUpdates> {
  const result = await invoke(world, session, {
    _: "messages.sendMessage",
    peer,
    message: text,
    randomId: Long.fromNumber(Math.floor(Math.random() * 2 ** 52)),
    ...extra,
  });
  assert(result._ === "updates");
  return result;
}

/** Every update pushed to `session`, in order. */
export function pushedUpdates(session: FakeSession): tl.TypeUpdate[] {
  return session.pushes.flatMap((push) =>
    push._ === "updates"
      ? push.updates
      : push._ === "updateShort"
      ? [push.update]
      : []
  );
}

/** The messages of the `updateNewMessage`/`updateNewChannelMessage`s pushed to `session`. */
export function pushedMessages(
  session: FakeSession,
): (tl.RawMessage | tl.RawMessageService)[] {
  return pushedUpdates(session).flatMap((update) =>
    (update._ === "updateNewMessage" ||
        update._ === "updateNewChannelMessage") &&
      update.message._ !== "messageEmpty"
      ? [update.message]
      : []
  );
}

/** The text of the `RpcFailure` `promise` rejects with (fails if it resolves or rejects with something else). */
export async function rpcError(promise: Promise<unknown>): Promise<string> {
  const error = await rejection(promise, (e) => e instanceof RpcFailure);
  return (error as RpcFailure).text;
}
