/** Typed lookup of a TL document's attributes. */
import type { tl } from "@mtcute/core";

/** A TL document attribute kind, by constructor name. */
export type DocumentAttributeKind = tl.TypeDocumentAttribute["_"];

/** The first attribute of `kind` of a document (or of a web document, which has attributes too), or undefined. */
export function documentAttribute<K extends DocumentAttributeKind>(
  document: { readonly attributes: readonly tl.TypeDocumentAttribute[] },
  kind: K,
): Extract<tl.TypeDocumentAttribute, { _: K }> | undefined {
  return document.attributes.find((
    attribute,
  ): attribute is Extract<tl.TypeDocumentAttribute, { _: K }> =>
    attribute._ === kind
  );
}
