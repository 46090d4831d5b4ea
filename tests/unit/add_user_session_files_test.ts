import { join } from "node:path";
import { assertEquals, assertRejects } from "../assert.ts";
import {
  createPrivateFile,
  ensureDataDir,
  moveSessionFiles,
  removeEmptyDirs,
  removeSessionFiles,
} from "../../src/telegram/session_files.ts";

async function names(dir: string): Promise<string[]> {
  return (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();
}

Deno.test("createPrivateFile() makes an owner-only file and never overwrites", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "s.sqlite");
    await createPrivateFile(path);
    if (Deno.build.os !== "windows") {
      assertEquals((await Deno.stat(path)).mode! & 0o777, 0o600);
    }
    await assertRejects(createPrivateFile(path), Deno.errors.AlreadyExists);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("moveSessionFiles() and removeSessionFiles() handle the sqlite sidecars", async () => {
  const dir = await Deno.makeTempDir();
  try {
    for (const name of ["a.sqlite", "a.sqlite-wal", "a.sqlite-shm", "x.txt"]) {
      await Deno.writeTextFile(join(dir, name), name);
    }
    await moveSessionFiles(join(dir, "a.sqlite"), join(dir, "b.sqlite"));
    assertEquals(await names(dir), [
      "b.sqlite",
      "b.sqlite-shm",
      "b.sqlite-wal",
      "x.txt",
    ]);
    assertEquals(
      await Deno.readTextFile(join(dir, "b.sqlite-wal")),
      "a.sqlite-wal",
    );
    await removeSessionFiles(join(dir, "b.sqlite"));
    await removeSessionFiles(join(dir, "never-existed.sqlite"));
    assertEquals(await names(dir), ["x.txt"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ensureDataDir() reports the directories it made, and removeEmptyDirs() undoes it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    assertEquals(await ensureDataDir(dir), []);
    const created = await ensureDataDir(join(dir, "a", "b"));
    assertEquals(created, [join(dir, "a"), join(dir, "a", "b")]);
    await removeEmptyDirs(created);
    assertEquals(await names(dir), []);

    // A directory that gained a file in the meantime stays, and so do its parents.
    const again = await ensureDataDir(join(dir, "a", "b"));
    await Deno.writeTextFile(join(dir, "a", "b", "keep"), "");
    await removeEmptyDirs(again);
    assertEquals(await names(join(dir, "a", "b")), ["keep"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
