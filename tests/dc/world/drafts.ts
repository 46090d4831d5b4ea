/**
 * Message drafts (core.telegram.org/api/drafts): one per account and chat,
 * saved with `messages.saveDraft` (an empty one, with nothing else, deletes
 * it) and cleared with `messages.clearAllDrafts`. Every change reaches the
 * account's sessions as `updateDraftMessage` (the caller's excepted for
 * saveDraft, whose caller knows); dialogs carry their chat's draft.
 */
import type { tl } from "@mtcute/core";
import type { DeliveryContext } from "./delivery.ts";
import { now } from "./emit.ts";
import { tlPeer } from "./peer_keys.ts";
import { resolvePeer } from "./peers.ts";
import type { WorldState } from "./state.ts";

/** Each account's drafts by peer key; kept beside the state they belong to. */
const draftsByState = new WeakMap<
  WorldState,
  Map<number, Map<number, tl.RawDraftMessage>>
>();

function draftsOf(
  state: WorldState,
  accountId: number,
): Map<number, tl.RawDraftMessage> {
  let accounts = draftsByState.get(state);
  if (!accounts) draftsByState.set(state, accounts = new Map());
  let drafts = accounts.get(accountId);
  if (!drafts) accounts.set(accountId, drafts = new Map());
  return drafts;
}

/** The account's draft in the chat `peerKey`, if it has one. */
export function draftIn(
  state: WorldState,
  accountId: number,
  peerKey: number,
): tl.RawDraftMessage | undefined {
  return draftsOf(state, accountId).get(peerKey);
}

/** Every draft of the account, by peer key. */
export function draftsOfAccount(
  state: WorldState,
  accountId: number,
): [number, tl.RawDraftMessage][] {
  return [...draftsOf(state, accountId)];
}

/** Pushes `updateDraftMessage` for the chat to the account's sessions (but `ctx.caller`'s, if given). */
function announce(
  ctx: DeliveryContext,
  accountId: number,
  peerKey: number,
  draft: tl.TypeDraftMessage,
  caller: DeliveryContext["caller"],
): void {
  ctx.sessions.push(accountId, {
    _: "updateShort",
    update: { _: "updateDraftMessage", peer: tlPeer(peerKey), draft },
    date: now(),
  }, caller);
}

/** `messages.saveDraft`: stores the chat's draft (an empty one deletes it) and tells the other sessions. */
export function saveDraft(
  ctx: DeliveryContext,
  accountId: number,
  request: tl.messages.RawSaveDraftRequest,
): void {
  const peerKey = resolvePeer(ctx.state, accountId, request.peer);
  const drafts = draftsOf(ctx.state, accountId);
  const empty = request.message === "" && !request.media && !request.replyTo;
  let draft: tl.TypeDraftMessage;
  if (empty) {
    drafts.delete(peerKey);
    draft = { _: "draftMessageEmpty", date: now() };
  } else {
    const saved: tl.RawDraftMessage = {
      _: "draftMessage",
      noWebpage: request.noWebpage,
      invertMedia: request.invertMedia,
      replyTo: request.replyTo,
      message: request.message,
      entities: request.entities,
      media: request.media,
      date: now(),
      effect: request.effect,
    };
    drafts.set(peerKey, saved);
    draft = saved;
  }
  announce(ctx, accountId, peerKey, draft, ctx.caller);
}

/** `messages.clearAllDrafts`: deletes every draft; each chat's `draftMessageEmpty` reaches all the account's sessions. */
export function clearAllDrafts(ctx: DeliveryContext, accountId: number): void {
  const drafts = draftsOf(ctx.state, accountId);
  const peers = [...drafts.keys()];
  drafts.clear();
  for (const peerKey of peers) {
    const empty = { _: "draftMessageEmpty", date: now() } as const;
    announce(ctx, accountId, peerKey, empty, undefined);
  }
}
