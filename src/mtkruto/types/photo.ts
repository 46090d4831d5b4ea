/** Photo and Thumbnail in MTKruto's shape (types.md §8). */
import type { tl } from "@mtcute/core";
import { documentThumbnailFileIds, photoFileIds } from "./file_id.ts";
import { RenderError } from "./render_error.ts";

/** One size of a photo, or a document's preview image. */
export interface Thumbnail {
  fileId: string;
  fileUniqueId: string;
  width: number;
  height: number;
  fileSize: number;
}

/** A photo: its largest size, and the smaller ones as thumbnails. */
export interface Photo {
  fileId: string;
  fileUniqueId: string;
  width: number;
  height: number;
  fileSize: number;
  thumbnails: Thumbnail[];
}

/** A photo's plain sizes, progressive ones counted by their largest step, smallest first (MTKruto's order). */
export function photoSizesAscending(photo: tl.RawPhoto): tl.RawPhotoSize[] {
  const sizes: tl.RawPhotoSize[] = [];
  for (const size of photo.sizes) {
    if (size._ === "photoSize") sizes.push(size);
    else if (size._ === "photoSizeProgressive") {
      sizes.push({
        _: "photoSize",
        type: size.type,
        w: size.w,
        h: size.h,
        size: Math.max(...size.sizes),
      });
    }
  }
  return sizes.sort((a, b) => a.size - b.size);
}

/** The Photo of a TL photo; one with no plain or progressive size throws RenderError (MTKruto fails on it too). */
export function renderPhoto(photo: tl.RawPhoto): Photo {
  const sizes = photoSizesAscending(photo);
  const largest = sizes.pop();
  if (!largest) {
    throw new RenderError(`Photo ${photo.id} has no size to render`);
  }
  return {
    ...photoFileIds(photo, largest),
    width: largest.w,
    height: largest.h,
    fileSize: largest.size,
    thumbnails: sizes.map((size) => ({
      ...photoFileIds(photo, size),
      width: size.w,
      height: size.h,
      fileSize: size.size,
    })),
  };
}

/** A document's thumbnails: its plain `photoSize` thumbs in TL order (stripped, cached, path and progressive ones are skipped). */
export function renderThumbnails(document: tl.RawDocument): Thumbnail[] {
  const thumbnails: Thumbnail[] = [];
  for (const size of document.thumbs ?? []) {
    if (size._ !== "photoSize") continue;
    thumbnails.push({
      ...documentThumbnailFileIds(document, size),
      width: size.w,
      height: size.h,
      fileSize: size.size,
    });
  }
  return thumbnails;
}
