/** The small objects a ChatP or User carries (types.md §5.1 helper types) and MTKruto's color rule. */
import type { tl } from "@mtcute/core";

/** When the user was last online, as much as their privacy settings tell. */
export type UserStatus =
  | { type: "online" }
  | { type: "offline"; lastSeenAt: number }
  | { type: "lastSeenRecently" }
  | { type: "lastSeenLastWeek" }
  | { type: "lastSeenLastMonth" };

/** A custom emoji shown next to a name: a plain one or a collectible gift's. */
export type EmojiStatus =
  | { type: "customEmoji"; customEmojiId: string; until?: number }
  | {
    type: "gift";
    giftId: string;
    customEmojiId: string;
    title: string;
    slug: string;
    patternId: string;
    centerColor: number;
    edgeColor: number;
    patternColor: number;
    textColor: number;
    until?: number;
  };

/** Why a peer is restricted, on which platform. */
export interface RestrictionReason {
  platform: string;
  reason: string;
  text: string;
}

/** A TL user status in MTKruto's shape (`userStatusEmpty` counts as "recently", as MTKruto has it). */
export function renderUserStatus(status: tl.TypeUserStatus): UserStatus {
  switch (status._) {
    case "userStatusOnline":
      return { type: "online" };
    case "userStatusOffline":
      return { type: "offline", lastSeenAt: status.wasOnline };
    case "userStatusLastWeek":
      return { type: "lastSeenLastWeek" };
    case "userStatusLastMonth":
      return { type: "lastSeenLastMonth" };
    case "userStatusEmpty":
    case "userStatusRecently":
      return { type: "lastSeenRecently" };
  }
}

/**
 * A TL emoji status in MTKruto's shape, or undefined for `emojiStatusEmpty`
 * (and the input-only constructor): MTKruto fails on those, we omit the key.
 */
export function renderEmojiStatus(
  status: tl.TypeEmojiStatus,
): EmojiStatus | undefined {
  switch (status._) {
    case "emojiStatus":
      return status.until === undefined
        ? { type: "customEmoji", customEmojiId: status.documentId.toString() }
        : {
          type: "customEmoji",
          customEmojiId: status.documentId.toString(),
          until: status.until,
        };
    case "emojiStatusCollectible": {
      const gift: EmojiStatus = {
        type: "gift",
        giftId: status.collectibleId.toString(),
        customEmojiId: status.documentId.toString(),
        title: status.title,
        slug: status.slug,
        patternId: status.patternDocumentId.toString(),
        centerColor: status.centerColor,
        edgeColor: status.edgeColor,
        patternColor: status.patternColor,
        textColor: status.textColor,
      };
      if (status.until !== undefined) gift.until = status.until;
      return gift;
    }
    default:
      return undefined;
  }
}

/** A TL restriction reason in MTKruto's shape. */
export function renderRestrictionReason(
  reason: tl.TypeRestrictionReason,
): RestrictionReason {
  return {
    platform: reason.platform,
    reason: reason.reason,
    text: reason.text,
  };
}

/**
 * MTKruto's default color of a peer without a color of its own: the marked id
 * as text with "-100" replaced by "-", its absolute value, modulo 7. (The text
 * replacement is MTKruto's; it also touches basic groups whose id starts with 100.)
 */
export function defaultPeerColor(markedId: number): number {
  return Math.abs(Number(String(markedId).replaceAll("-100", "-"))) % 7;
}

/** The peer's `color`: the TL `peerColor.color` when set, else the default of its marked id. */
export function peerColor(
  color: tl.TypePeerColor | undefined,
  markedId: number,
): number {
  return color?._ === "peerColor" && color.color !== undefined
    ? color.color
    : defaultPeerColor(markedId);
}
