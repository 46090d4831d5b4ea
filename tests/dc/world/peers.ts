/** Resolves the `InputPeer`/`InputUser` a client sends to account ids, checking access hashes like Telegram. */
import type { Long, tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { referencedUserIds } from "./mailboxes.ts";
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
  const message = state.mailboxes.get(viewerId, ref.msgId);
  if (
    !message || message.peerId !== chatPeer ||
    !referencedUserIds(message).includes(ref.userId)
  ) {
    throw new RpcFailure(400, error);
  }
  return ref.userId;
}

/** The account id an `InputPeer` names; only private chats exist in this world. */
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
    default:
      throw new RpcFailure(400, "PEER_ID_INVALID");
  }
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
