/** Turns the `InputMedia` of `messages.sendMedia`/`uploadMedia`/`editMessage` into stored `MessageMedia`. */
import type { tl } from "@mtcute/core";
import { RpcFailure } from "../contract.ts";
import type { WorldState } from "./state.ts";

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function withFileName(
  attributes: tl.TypeDocumentAttribute[],
  file: tl.TypeInputFile,
): tl.TypeDocumentAttribute[] {
  const hasName = attributes.some((attribute) =>
    attribute._ === "documentAttributeFilename"
  );
  if (hasName || !("name" in file) || !file.name) return attributes;
  return [...attributes, {
    _: "documentAttributeFilename",
    fileName: file.name,
  }];
}

function documentMedia(
  document: tl.TypeDocument,
  spoiler?: boolean,
): tl.RawMessageMediaDocument {
  return { _: "messageMediaDocument", document, spoiler };
}

function photoMedia(
  photo: tl.TypePhoto,
  spoiler?: boolean,
): tl.RawMessageMediaPhoto {
  return { _: "messageMediaPhoto", photo, spoiler };
}

/** Stores uploaded media or looks up already stored media; other kinds are `MEDIA_INVALID`. */
export function resolveMedia(
  state: WorldState,
  accountId: number,
  media: tl.TypeInputMedia,
): tl.TypeMessageMedia {
  switch (media._) {
    case "inputMediaUploadedDocument": {
      const stored = state.files.addDocument({
        bytes: state.files.assemble(accountId, media.file),
        mimeType: media.mimeType || "application/octet-stream",
        attributes: withFileName(media.attributes, media.file),
        date: now(),
      });
      return documentMedia(stored.tl, media.spoiler);
    }
    case "inputMediaUploadedPhoto": {
      const stored = state.files.addPhoto({
        bytes: state.files.assemble(accountId, media.file),
        date: now(),
      });
      return photoMedia(stored.tl, media.spoiler);
    }
    case "inputMediaDocument": {
      if (media.id._ !== "inputDocument") {
        throw new RpcFailure(400, "MEDIA_EMPTY");
      }
      return documentMedia(
        state.files.find("document", media.id).tl,
        media.spoiler,
      );
    }
    case "inputMediaPhoto": {
      if (media.id._ !== "inputPhoto") throw new RpcFailure(400, "MEDIA_EMPTY");
      return photoMedia(state.files.find("photo", media.id).tl, media.spoiler);
    }
    default:
      throw new RpcFailure(400, "MEDIA_INVALID");
  }
}
