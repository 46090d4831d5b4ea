/**
 * Collectible usernames (core.telegram.org/api/fragment): besides its one
 * editable username, an account, bot, supergroup or channel can hold
 * usernames bought on Fragment. Each is active (shown and resolvable) or
 * not; the active ones, the editable one included, are in the order the
 * owner chose. Once a peer holds any, its TL object carries `usernames`
 * instead of `username`.
 */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";

/** One place in a peer's username list: its editable username (named by the peer's `username`), or a collectible one. */
export type UsernameSlot =
  | { readonly kind: "editable" }
  | {
    readonly kind: "collectible";
    readonly username: string;
    active: boolean;
  };

/** A peer that can hold usernames: an account or a supergroup/channel. */
export interface UsernameHolder {
  readonly username?: string;
  /** Set once the peer holds a collectible username; in display order, active ones first. */
  usernameSlots?: UsernameSlot[];
}

/** One username as the control API and the TL `username` show it. */
export interface HeldUsername {
  username: string;
  editable: boolean;
  active: boolean;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The holder's usernames in display order (active first); without collectibles, just its editable one. */
export function heldUsernames(holder: UsernameHolder): HeldUsername[] {
  const slots = holder.usernameSlots ?? [{ kind: "editable" }];
  return slots.flatMap((slot): HeldUsername[] => {
    if (slot.kind === "collectible") {
      return [{
        username: slot.username,
        editable: false,
        active: slot.active,
      }];
    }
    return holder.username === undefined
      ? []
      : [{ username: holder.username, editable: true, active: true }];
  });
}

/** Whether the holder has `username` (case-insensitive); `activeOnly` leaves out inactive collectibles, which do not resolve. */
export function holdsUsername(
  holder: UsernameHolder,
  username: string,
  { activeOnly = false } = {},
): boolean {
  return heldUsernames(holder).some((held) =>
    same(held.username, username) && (held.active || !activeOnly)
  );
}

/** The `username` / `usernames` fields of the holder's TL object: the list replaces the single name once it holds collectibles. */
export function tlUsernames(
  holder: UsernameHolder,
): { username?: string; usernames?: tl.TypeUsername[] } {
  const hasCollectibles = holder.usernameSlots?.some((slot) =>
    slot.kind === "collectible"
  );
  if (!hasCollectibles) return { username: holder.username };
  return {
    usernames: heldUsernames(holder).map((held) => ({
      _: "username",
      editable: held.editable || undefined,
      active: held.active || undefined,
      username: held.username,
    })),
  };
}

/** Whether a slot is shown: the editable one always is. */
const isActive = (slot: UsernameSlot) =>
  slot.kind === "editable" || slot.active;

/** `slots` with the active ones first, each group keeping its order. */
function activeFirst(slots: UsernameSlot[]): UsernameSlot[] {
  return [...slots.filter(isActive), ...slots.filter((s) => !isActive(s))];
}

/** Gives the holder a collectible username (what a Fragment purchase does), active at the end of its active ones or inactive. */
export function addCollectible(
  holder: UsernameHolder,
  username: string,
  active: boolean,
): void {
  const slots = holder.usernameSlots ?? [{ kind: "editable" }];
  const added: UsernameSlot = { kind: "collectible", username, active };
  holder.usernameSlots = activeFirst([...slots, added]);
}

/**
 * `account.toggleUsername` and its bot and channel twins: (de)activates a
 * collectible username; an activated one goes last among the active ones.
 * The editable username is not a purchased one and cannot be toggled.
 */
export function toggleCollectible(
  holder: UsernameHolder,
  username: string,
  active: boolean,
): void {
  const slots = holder.usernameSlots ?? [];
  const slot = slots.find((s) =>
    s.kind === "collectible" && same(s.username, username)
  );
  if (slot?.kind !== "collectible") {
    throw new RpcFailure(400, "USERNAME_INVALID");
  }
  if (slot.active === active) {
    throw new RpcFailure(400, "USERNAME_NOT_MODIFIED");
  }
  slot.active = active;
  const others = activeFirst(slots.filter((s) => s !== slot));
  // a toggled slot goes to the boundary between the active and inactive ones
  others.splice(others.filter(isActive).length, 0, slot);
  holder.usernameSlots = others;
}

/** `*.reorderUsernames`: `order` must name every active username exactly once (`ORDER_INVALID`). */
export function reorderActive(holder: UsernameHolder, order: string[]): void {
  const active = heldUsernames(holder).filter((held) => held.active);
  const named = new Set(order.map((name) => name.toLowerCase()));
  if (
    order.length !== active.length || named.size !== order.length ||
    !active.every((held) => named.has(held.username.toLowerCase()))
  ) {
    throw new RpcFailure(400, "ORDER_INVALID");
  }
  if (active.every((held, index) => same(held.username, order[index]))) {
    throw new RpcFailure(400, "USERNAME_NOT_MODIFIED");
  }
  const slots = holder.usernameSlots ?? [];
  const slotOf = (name: string) =>
    slots.find((slot) =>
      slot.kind === "collectible"
        ? same(slot.username, name)
        : holder.username !== undefined && same(holder.username, name)
    )!;
  const ordered = order.map(slotOf);
  // inactive collectibles, and an editable slot with no username set, keep their places after
  const rest = slots.filter((slot) => !ordered.includes(slot));
  holder.usernameSlots = [...ordered, ...rest];
}

/** `channels.deactivateAllUsernames`: every collectible username goes inactive; whether any was active. */
export function deactivateCollectibles(holder: UsernameHolder): boolean {
  let changed = false;
  for (const slot of holder.usernameSlots ?? []) {
    if (slot.kind === "collectible" && slot.active) {
      slot.active = false;
      changed = true;
    }
  }
  if (holder.usernameSlots) {
    holder.usernameSlots = activeFirst(holder.usernameSlots);
  }
  return changed;
}
