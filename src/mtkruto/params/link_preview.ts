/** MTKruto 0.216's InputLinkPreview → the link preview switches of mtcute's sendText / editMessage (methods.md §A.1, §B.2). */
import { InputError } from "../../errors.ts";
import { omitUndefined } from "../types/omit_undefined.ts";
import {
  at,
  describe,
  optionalBoolean,
  optionalEnum,
  optionalString,
  readObject,
} from "./read.ts";

/** What a link preview asks for: no preview, the preview above the text, or a preview of a given URL (sent as webpage media). */
export interface LinkPreviewOptions {
  disableWebPreview?: boolean;
  invertMedia?: boolean;
  webpage?: { url: string; size?: "small" | "large" };
}

/**
 * `{type: "input", isDisabled?, url?, mediaSize?, isAboveText?}`. Another
 * `type` (a LinkPreview as messages carry it) is refused, as MTKruto does
 * ("Expected link preview of type input."). A `url` of a preview that is
 * not disabled becomes `webpage`.
 */
export function toLinkPreview(
  value: unknown,
  path: string,
): LinkPreviewOptions {
  const preview = readObject(value, path);
  if (preview.type !== "input") {
    throw new InputError(
      `${
        at(path, "type")
      } must be "input" (Expected link preview of type input.); got ${
        describe(preview.type)
      }`,
    );
  }
  const isDisabled = optionalBoolean(preview, "isDisabled", path);
  const url = optionalString(preview, "url", path, { nonEmpty: true });
  const size = optionalEnum(preview, "mediaSize", path, ["small", "large"]);
  return omitUndefined({
    disableWebPreview: isDisabled,
    invertMedia: optionalBoolean(preview, "isAboveText", path),
    webpage: url === undefined || isDisabled
      ? undefined
      : omitUndefined({ url, size }),
  });
}
