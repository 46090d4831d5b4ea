/** `upload.*`: file parts in, file chunks out. */
import { streamSegment } from "../group_calls_delivery.ts";
import { type HandlerTable, loggedIn } from "./types.ts";

/** Handlers of the `upload` namespace. */
export const uploadHandlers: HandlerTable = {
  "upload.saveFilePart": loggedIn((ctx, params) => {
    ctx.state.files.savePart({
      accountId: ctx.self.id,
      fileId: params.fileId,
      part: params.filePart,
      bytes: params.bytes,
    });
    return true;
  }),
  "upload.saveBigFilePart": loggedIn((ctx, params) => {
    ctx.state.files.savePart({
      accountId: ctx.self.id,
      fileId: params.fileId,
      part: params.filePart,
      bytes: params.bytes,
      totalParts: params.fileTotalParts,
    });
    return true;
  }),
  "upload.getFile": loggedIn((ctx, params) =>
    params.location._ === "inputGroupCallStream"
      ? streamSegment(ctx, {
        userId: ctx.self.id,
        location: params.location,
        offset: params.offset,
        limit: params.limit,
      })
      : ctx.state.files.getFile(params)
  ),
};
