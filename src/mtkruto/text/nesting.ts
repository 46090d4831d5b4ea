/**
 * Which entities may stand inside which (Bot API "Formatting options"):
 * bold, italic, underline, strikethrough and spoiler go anywhere but inside
 * code and pre; code and pre hold no other entity; links, mentions, custom
 * emoji and dates hold none of each other, nor code, pre or a blockquote;
 * blockquotes are not nested. Telegram would silently drop the inner entity,
 * so the parse modes refuse such markup instead.
 */
import { entityError } from "./entity_error.ts";

/** How an entity nests. */
export type NestingClass = "splittable" | "atomic" | "code" | "blockquote";

/** An entity still open in the source, as error messages name it. */
export interface OpenEntity {
  nesting: NestingClass;
  /** How the markup is named, e.g. "the link" or "<code>". */
  label: string;
  /** Where its markup starts in the source (UTF-16 index). */
  sourceOffset: number;
}

/** The innermost open entities that restrict what may be opened inside them. */
export interface Enclosing {
  code?: OpenEntity;
  atomic?: OpenEntity;
  blockquote?: OpenEntity;
}

/** What encloses whatever is opened inside `entity`, given what encloses `entity` itself. */
export function enclosingInside(
  entity: OpenEntity,
  outer: Enclosing,
): Enclosing {
  return entity.nesting === "splittable"
    ? outer
    : { ...outer, [entity.nesting]: entity };
}

/** Throws when `entity` may not be opened where `outer` encloses it. */
export function checkNesting(entity: OpenEntity, outer: Enclosing): void {
  const container = outer.code ??
    (entity.nesting !== "splittable" ? outer.atomic : undefined) ??
    (entity.nesting === "blockquote" ? outer.blockquote : undefined);
  if (container === undefined) return;
  throw entityError(
    `${entity.label} at offset ${entity.sourceOffset} can't be inside ${container.label} that starts at offset ${container.sourceOffset}`,
  );
}
