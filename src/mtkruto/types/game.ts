/** Game in MTKruto's shape (types.md §8). */
import type { tl } from "@mtcute/core";
import { type Animation, renderAnimation } from "./documents.ts";
import { type Photo, renderPhoto } from "./photo.ts";
import { RenderError } from "./render_error.ts";

/** A game a bot offers. (`text`/`textEntities` are declared by MTKruto but never set.) */
export interface Game {
  title: string;
  description: string;
  photo: Photo;
  animation?: Animation;
}

/** The Game of a TL game; an empty photo throws RenderError, an empty document just leaves `animation` out. */
export function renderGame(game: tl.RawGame): Game {
  if (game.photo._ !== "photo") {
    throw new RenderError(`Game ${game.id} has no photo`);
  }
  const rendered: Game = {
    title: game.title,
    description: game.description,
    photo: renderPhoto(game.photo),
  };
  if (game.document?._ === "document") {
    rendered.animation = renderAnimation(game.document);
  }
  return rendered;
}
