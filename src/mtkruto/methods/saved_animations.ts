/**
 * A user's saved animations (GIFs): listing them, saving and unsaving one by
 * its file id (MTKruto's MessageManager: `messages.getSavedGifs`,
 * `messages.saveGif`). Users only: bots have no saved animations.
 */
import { Long, type tl } from "@mtcute/core";
import { readAnimationFileId } from "../params/stickers.ts";
import { renderAnimation } from "../types/documents.ts";
import { RenderError } from "../types/render_error.ts";
import type { DialectCall, DialectMethod } from "./define.ts";
import { defineMethod } from "./define.ts";
import { customParam } from "./params.ts";

const animationFileIdParam = () =>
  customParam("fileId", "string", readAnimationFileId);

/** Saves (or, with `unsave`, forgets) the animation. */
async function setSaved(
  call: DialectCall,
  id: tl.RawInputDocument,
  unsave: boolean,
): Promise<null> {
  await call.client.call({ _: "messages.saveGif", id, unsave });
  return null;
}

/** Saved animation methods. */
export const SAVED_ANIMATION_METHODS: DialectMethod[] = [
  defineMethod(
    "getSavedAnimations",
    "user",
    [],
    "Animation[]",
    async (call) => {
      // Hash 0: MTKruto keeps no list to compare, so it always asks for the list itself.
      const result = await call.client.call({
        _: "messages.getSavedGifs",
        hash: Long.ZERO,
      });
      if (result._ !== "messages.savedGifs") {
        throw new RenderError(`Telegram answered ${result._} for hash 0`);
      }
      return result.gifs.flatMap((document) =>
        document._ === "document" ? [renderAnimation(document)] : []
      );
    },
  ),
  defineMethod(
    "saveAnimation",
    "user",
    [animationFileIdParam()],
    "void",
    (call, id) => setSaved(call, id, false),
  ),
  defineMethod(
    "unsaveAnimation",
    "user",
    [animationFileIdParam()],
    "void",
    (call, id) => setSaved(call, id, true),
  ),
];
