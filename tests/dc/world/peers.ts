/**
 * Resolves the `InputPeer`/`InputUser`/`InputChannel` a client sends to peer
 * keys (account ids for users, see `peer_keys.ts`), checking access hashes and
 * membership like Telegram.
 */
import type { Long, tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { Chat } from "./chats.ts";
import { type BoxMessage, referencedUserIds } from "./mailboxes.ts";
import { channelKey, groupKey, peerKind } from "./peer_keys.ts";
import type { WorldState } from "./state.ts";

interface UserReference {
  userId: number;
  accessHash: Long;
}

function resolveByHash(
  state: WorldState,
  viewerId: number,
  ref: UserReference,
  error: string,
): number {
  const exists = state.accounts.get(ref.userId) !== undefined;
  if (
    !exists ||
    !state.accounts.accessHash(viewerId, ref.userId).eq(ref.accessHash)
  ) {
    throw new RpcFailure(400, error);
  }
  return ref.userId;
}

/** A user seen in a message of the viewer's box counts as known, as with Telegram's `*FromMessage` peers. */
function resolveFromMessage(
  state: WorldState,
  viewerId: number,
  ref: { peer: tl.TypeInputPeer; msgId: number; userId: number },
  error: string,
): number {
  const chatPeer = resolvePeer(state, viewerId, ref.peer);
  const message = messageInChat(state, viewerId, chatPeer, ref.msgId);
  if (!message || !referencedUserIds(message).includes(ref.userId)) {
    throw new RpcFailure(400, error);
  }
  return ref.userId;
}

/** A supergroup or channel by id and the viewer's access hash; `CHANNEL_INVALID` otherwise. */
function resolveChannelByHash(
  state: WorldState,
  viewerId: number,
  ref: { channelId: number; accessHash: Long },
): Chat {
  const key = channelKey(ref.channelId);
  const chat = state.chats.get(key);
  if (!chat || !state.chats.accessHash(viewerId, key).eq(ref.accessHash)) {
    throw new RpcFailure(400, "CHANNEL_INVALID");
  }
  return chat;
}

/** The peer key an `InputPeer` names: a user, a basic group the viewer is in, or a channel it has the access hash of. */
export function resolvePeer(
  state: WorldState,
  viewerId: number,
  peer: tl.TypeInputPeer,
): number {
  switch (peer._) {
    case "inputPeerSelf":
      return viewerId;
    case "inputPeerUser":
      return resolveByHash(state, viewerId, peer, "PEER_ID_INVALID");
    case "inputPeerUserFromMessage":
      return resolveFromMessage(state, viewerId, peer, "PEER_ID_INVALID");
    case "inputPeerChat": {
      // basic groups have no access hash: being a member is what counts
      const chat = state.chats.get(groupKey(peer.chatId));
      if (!chat?.members.has(viewerId)) {
        throw new RpcFailure(400, "PEER_ID_INVALID");
      }
      return chat.key;
    }
    case "inputPeerChannel":
      return resolveChannelByHash(state, viewerId, peer).key;
    default:
      throw new RpcFailure(400, "PEER_ID_INVALID");
  }
}

/** The supergroup or channel an `InputChannel` names. */
export function resolveChannel(
  state: WorldState,
  viewerId: number,
  channel: tl.TypeInputChannel,
): Chat {
  if (channel._ !== "inputChannel") {
    throw new RpcFailure(400, "CHANNEL_INVALID");
  }
  return resolveChannelByHash(state, viewerId, channel);
}

/** The message `id` of the chat `peerKey` as `viewerId` sees it: in the channel's box for channels, in the viewer's own box otherwise. */
export function messageInChat(
  state: WorldState,
  viewerId: number,
  peerKey: number,
  id: number,
): BoxMessage | undefined {
  const ownerId = peerKind(peerKey) === "channel" ? peerKey : viewerId;
  const message = state.mailboxes.get(ownerId, id);
  return message?.peerId === peerKey ? message : undefined;
}

/** The account id an `InputUser` names. */
export function resolveUser(
  state: WorldState,
  viewerId: number,
  user: tl.TypeInputUser,
): number {
  switch (user._) {
    case "inputUserSelf":
      return viewerId;
    case "inputUser":
      return resolveByHash(state, viewerId, user, "USER_ID_INVALID");
    case "inputUserFromMessage":
      return resolveFromMessage(state, viewerId, user, "USER_ID_INVALID");
    default:
      throw new RpcFailure(400, "USER_ID_INVALID");
  }
}

/** Entities as stored: `inputMessageEntityMentionName` becomes `messageEntityMentionName`. */
export function resolveEntities(
  state: WorldState,
  viewerId: number,
  entities: tl.TypeMessageEntity[] | undefined,
): tl.TypeMessageEntity[] | undefined {
  if (!entities?.length) return undefined;
  return entities.map((entity) =>
    entity._ === "inputMessageEntityMentionName"
      ? {
        _: "messageEntityMentionName",
        offset: entity.offset,
        length: entity.length,
        userId: resolveUser(state, viewerId, entity.userId),
      }
      : entity
  );
}
