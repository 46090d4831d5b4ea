/**
 * mtcute's own file-id package (0.30.3), for checking our file ids against
 * it. deno.json maps only @mtcute/core and @mtcute/node, and core does not
 * re-export this dependency, so it is imported from where Deno installed it
 * (nodeModulesDir "auto"); the path follows the version core pins.
 */
export {
  parseFileId,
  parseUniqueFileId,
  tdFileId,
  toFileId,
  toUniqueFileId,
} from "../../node_modules/.deno/@mtcute+file-id@0.30.3/node_modules/@mtcute/file-id/index.js";
