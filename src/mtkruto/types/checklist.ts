/** Checklist, ChecklistItem and ChecklistChanged in MTKruto's shape (newest only), from TL to-do lists. */
import type { tl } from "@mtcute/core";
import { type MessageEntity, renderEntities } from "./message_entity.ts";
import { omitUndefined } from "./omit_undefined.ts";
import { type PeerLookup, peerUser, type User } from "./peers.ts";
import { RenderError } from "./render_error.ts";

/** One task of a checklist, checked or not. */
export type ChecklistItem =
  | { type: "unchecked"; id: number; text: string; entities?: MessageEntity[] }
  | {
    type: "checked";
    id: number;
    text: string;
    entities?: MessageEntity[];
    checkedAt: number;
    checkedBy: User;
  };

/** A to-do list message. */
export interface Checklist {
  title: string;
  titleEntities?: MessageEntity[];
  items: ChecklistItem[];
  isExtendableByOthers: boolean;
  isCheckableByOthers: boolean;
}

/** Which tasks a service message checked and unchecked. */
export interface ChecklistChanged {
  checkedItems: number[];
  uncheckedItems: number[];
}

/** Entities of a title, left out (undefined) when there are none, as MTKruto does. */
function entitiesIfAny(
  text: tl.TypeTextWithEntities,
): MessageEntity[] | undefined {
  return text.entities.length ? renderEntities(text.entities) : undefined;
}

/** The ChecklistItem of a TL to-do item; checked when `completions` has its id (the checker must be a user in `peers`). */
export function renderChecklistItem(
  item: tl.TypeTodoItem,
  completions: readonly tl.TypeTodoCompletion[],
  peers: PeerLookup,
): ChecklistItem {
  const base = {
    id: item.id,
    text: item.title.text,
    entities: entitiesIfAny(item.title),
  };
  const completion = completions.find((done) => done.id === item.id);
  if (!completion) {
    return omitUndefined({ type: "unchecked" as const, ...base });
  }
  const by = completion.completedBy;
  if (by._ !== "peerUser") {
    throw new RenderError(`Checklist item ${item.id} was checked by a chat`);
  }
  return omitUndefined({
    type: "checked" as const,
    ...base,
    checkedAt: completion.date,
    checkedBy: peerUser(peers, by.userId),
  });
}

/** The Checklist of a to-do medium. */
export function renderChecklist(
  media: tl.RawMessageMediaToDo,
  peers: PeerLookup,
): Checklist {
  const completions = media.completions ?? [];
  return omitUndefined({
    title: media.todo.title.text,
    titleEntities: entitiesIfAny(media.todo.title),
    items: media.todo.list.map((item) =>
      renderChecklistItem(item, completions, peers)
    ),
    isExtendableByOthers: media.todo.othersCanAppend ?? false,
    isCheckableByOthers: media.todo.othersCanComplete ?? false,
  });
}

/** The ChecklistChanged of a completions service action. */
export function renderChecklistChanged(
  action: tl.RawMessageActionTodoCompletions,
): ChecklistChanged {
  return {
    checkedItems: action.completed,
    uncheckedItems: action.incompleted,
  };
}
