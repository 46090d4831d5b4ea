/** A session's files on disk: the sqlite database and its sidecars, kept private to the server's user. */
import { dirname, resolve } from "node:path";

/** Name prefix of the session file of a login in progress; one left behind by a crash is safe to delete. */
export const UNFINISHED_PREFIX = ".adding-";

/** The files sqlite may keep beside a database. */
const SIDECAR_SUFFIXES = ["-wal", "-shm", "-journal"];

/** Whether a file or directory exists at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * Creates the data directory and any missing parents (mode 0700); returns the
 * directories it created, outermost first, so that a failed login can remove
 * them again.
 */
export async function ensureDataDir(dataDir: string): Promise<string[]> {
  const missing: string[] = [];
  for (
    let dir = resolve(dataDir);
    !await pathExists(dir);
    dir = dirname(dir)
  ) {
    missing.unshift(dir);
  }
  for (const dir of missing) await Deno.mkdir(dir, { mode: 0o700 });
  return missing;
}

/** Removes directories made by `ensureDataDir` if they are empty again (anything else stays). */
export async function removeEmptyDirs(created: string[]): Promise<void> {
  for (const dir of created.toReversed()) {
    try {
      await Deno.remove(dir);
    } catch {
      return; // not empty (or already gone): so are its parents
    }
  }
}

/**
 * Creates an empty session file readable only by its owner; sqlite gives its
 * sidecar files the same mode. Throws AlreadyExists if the file is there.
 */
export async function createPrivateFile(path: string): Promise<void> {
  await Deno.writeFile(path, new Uint8Array(), {
    createNew: true,
    mode: 0o600,
  });
  // `mode` is filtered by the umask; chmod is not.
  if (Deno.build.os !== "windows") await Deno.chmod(path, 0o600);
}

/** Renames a closed session's files; the database itself last, so its name appears only when all is in place. */
export async function moveSessionFiles(
  from: string,
  to: string,
): Promise<void> {
  for (const suffix of SIDECAR_SUFFIXES) {
    if (await pathExists(from + suffix)) {
      await Deno.rename(from + suffix, to + suffix);
    }
  }
  await Deno.rename(from, to);
}

/** Deletes a session's files; missing ones are fine. */
export async function removeSessionFiles(path: string): Promise<void> {
  for (const suffix of ["", ...SIDECAR_SUFFIXES]) {
    try {
      await Deno.remove(path + suffix);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
}
