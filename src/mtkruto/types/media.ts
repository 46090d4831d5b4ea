/** MTKruto's media objects (types.md §8), one import for every renderer that needs them. */
export * from "./documents.ts";
export * from "./game.ts";
export * from "./location.ts";
export * from "./photo.ts";
export * from "./simple_media.ts";
export * from "./sticker.ts";
