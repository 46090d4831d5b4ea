/**
 * Which reactions a group or channel allows
 * (core.telegram.org/method/messages.setChatAvailableReactions): its admins
 * choose every standard emoji (`chatReactionsAll`), some of them
 * (`chatReactionsSome`) or none (`chatReactionsNone`), optionally a lower
 * `reactions_limit` of distinct reactions per message and whether paid
 * reactions are on. `messages.sendReaction` enforces the choice
 * (`REACTION_INVALID`), `chatFull`/`channelFull` show it.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import { type Chat, isModerator, requireChat } from "./chats.ts";
import { type DeliveryContext, now } from "./emit.ts";
import { peerKind } from "./peer_keys.ts";
import {
  availableReactions,
  type ChatReactionSettings,
  DISTINCT_REACTIONS,
  isStandardEmoji,
  reactionKey,
} from "./reactions.ts";

/** A `messages.setChatAvailableReactions` call by `callerId` for its chat `peerKey`. */
export interface AvailableReactionsChange {
  callerId: number;
  peerKey: number;
  available: tl.TypeChatReactions;
  /** Left out: the chat's limit stays as it was. */
  limit?: number;
  /** Left out: paid reactions stay as they were. */
  paidEnabled?: boolean;
}

/**
 * The allowed reactions as Telegram takes them: in a `chatReactionsSome`
 * list only standard emoji, each once (`REACTION_INVALID` otherwise: custom
 * emoji need boosts, which no chat has here, and paid reactions are switched
 * by `paid_enabled`, not listed).
 */
function checkedAvailable(
  available: tl.TypeChatReactions,
): tl.TypeChatReactions {
  if (available._ !== "chatReactionsSome") return available;
  const reactions = new Map<string, tl.TypeReaction>();
  for (const reaction of available.reactions) {
    if (
      reaction._ !== "reactionEmoji" || !isStandardEmoji(reaction.emoticon)
    ) {
      throw new RpcFailure(400, "REACTION_INVALID");
    }
    reactions.set(reactionKey(reaction), reaction);
  }
  return { _: "chatReactionsSome", reactions: [...reactions.values()] };
}

/** Settings compare equal when their keys do (a chat that never set any has the default ones). */
function settingsKey(settings: ChatReactionSettings | undefined): string {
  const available = availableReactions(settings);
  const listed = available._ === "chatReactionsSome"
    ? available.reactions.map(reactionKey).join(" ")
    : available._ === "chatReactionsAll"
    ? String(available.allowCustom === true)
    : "";
  return [
    available._,
    listed,
    settings?.limit,
    settings?.paidEnabled === true,
  ].join("|");
}

/** The group or channel the caller changes: its admins only (`CHAT_ADMIN_REQUIRED`), members of a channel (`CHANNEL_PRIVATE`). */
function adminChat(
  ctx: DeliveryContext,
  change: AvailableReactionsChange,
): Chat {
  if (peerKind(change.peerKey) === "user") {
    throw new RpcFailure(400, "PEER_ID_INVALID");
  }
  const chat = requireChat(ctx.state.chats, change.peerKey);
  if (!chat.members.has(change.callerId)) {
    throw new RpcFailure(406, "CHANNEL_PRIVATE");
  }
  if (!isModerator(chat, change.callerId)) {
    throw new RpcFailure(400, "CHAT_ADMIN_REQUIRED");
  }
  return chat;
}

/**
 * `messages.setChatAvailableReactions`: stores the chat's new settings
 * (`CHAT_NOT_MODIFIED` when they are the same) and answers `updates` with the
 * chat. A `reactions_limit` outside 1…`reactions_uniq_max` is
 * `REACTIONS_COUNT_INVALID` (Telegram documents no error for it; that is the
 * one it uses for a bad reaction count).
 */
export function setChatAvailableReactions(
  ctx: DeliveryContext,
  change: AvailableReactionsChange,
): tl.RawUpdates {
  const chat = adminChat(ctx, change);
  const { limit } = change;
  if (limit !== undefined && (limit < 1 || limit > DISTINCT_REACTIONS)) {
    throw new RpcFailure(400, "REACTIONS_COUNT_INVALID");
  }
  const old = chat.reactionSettings;
  const settings: ChatReactionSettings = {
    available: checkedAvailable(change.available),
    limit: limit ?? old?.limit,
    paidEnabled: change.paidEnabled ?? old?.paidEnabled,
  };
  if (settingsKey(settings) === settingsKey(old)) {
    throw new RpcFailure(400, "CHAT_NOT_MODIFIED");
  }
  chat.reactionSettings = settings;
  return {
    _: "updates",
    updates: [],
    users: [],
    chats: ctx.state.chatObjects([chat.key], change.callerId),
    date: now(),
    seq: 0,
  };
}
