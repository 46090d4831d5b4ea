import { assertEquals, assertThrowsMatching } from "../assert.ts";
import { Long } from "@mtcute/core";
import { FileStore } from "../dc/world/files.ts";

const ACCOUNT = 1;

function saveParts(store: FileStore, fileId: Long, totals: number[]): void {
  totals.forEach((totalParts, part) =>
    store.savePart({
      accountId: ACCOUNT,
      fileId,
      part,
      bytes: new Uint8Array([part, part]),
      totalParts,
    })
  );
}

Deno.test("the emulator takes a streamed big upload: file_total_parts -1 until the last part", () => {
  const store = new FileStore();
  const id = Long.fromNumber(42);
  // The last part may arrive before the others, as parallel parts do.
  saveParts(store, id, [-1, -1, 3]);
  saveParts(store, id, [-1, -1]);
  const bytes = store.assemble(ACCOUNT, {
    _: "inputFileBig",
    id,
    parts: 3,
    name: "x.bin",
  });
  assertEquals([...bytes], [0, 0, 1, 1, 2, 2]);
});

Deno.test("the emulator refuses a streamed upload whose file lists another total than its last part", () => {
  const store = new FileStore();
  const id = Long.fromNumber(43);
  saveParts(store, id, [-1, -1, 3]);
  assertThrowsMatching(
    () =>
      store.assemble(ACCOUNT, {
        _: "inputFileBig",
        id,
        parts: 2,
        name: "x.bin",
      }),
    /FILE_PARTS_INVALID/,
  );
  assertThrowsMatching(
    () =>
      store.savePart({
        accountId: ACCOUNT,
        fileId: id,
        part: 0,
        bytes: new Uint8Array(1),
        totalParts: 0,
      }),
    /FILE_PARTS_INVALID/,
  );
});
