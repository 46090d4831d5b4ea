/**
 * Headless Chromium for end-to-end tests: Debian's `chromium` package driven
 * by the npm package playwright-core (which downloads no browser of its own).
 * When the browser is missing and the tests run as root, it is installed
 * with apt-get; otherwise the error says what to install.
 */
import { chromium } from "playwright-core";
import type { BrowserContext } from "playwright-core";

/** Where Debian's package puts the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

async function run(command: string, args: string[]): Promise<void> {
  const { code, stderr } = await new Deno.Command(command, {
    args,
    stdout: "null",
    stderr: "piped",
    env: { DEBIAN_FRONTEND: "noninteractive" },
  }).output();
  if (code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${code}): ${
        new TextDecoder().decode(stderr).slice(-2000)
      }`,
    );
  }
}

/** Makes sure Debian's chromium is installed (installing it as root if needed); throws saying how otherwise. */
export async function ensureChromium(): Promise<string> {
  if (await exists(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (Deno.uid() !== 0 || !(await exists("/usr/bin/apt-get"))) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install Debian's package with ` +
        "`apt-get update && apt-get install -y chromium`",
    );
  }
  console.error("Installing Debian's chromium for the browser tests…");
  await run("apt-get", ["update", "-qq"]);
  await run("apt-get", ["install", "-y", "-qq", "chromium"]);
  return CHROMIUM_PATH;
}

/** A browser with a fresh profile, and how to close it (which deletes the profile). */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh user data directory. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await ensureChromium();
  const profile = await Deno.makeTempDir({ prefix: "mtkruto-chromium-" });
  // A persistent context is how playwright takes the --user-data-dir it was asked for.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await Deno.remove(profile, { recursive: true }).catch(() => {});
    },
  };
}
