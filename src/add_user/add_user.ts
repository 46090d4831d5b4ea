/**
 * `--add-user`: logs a user account in on the terminal and keeps its session
 * under a new, secret user id. The login happens in a hidden temporary session
 * file that becomes `<user-id>.sqlite` only on success; on failure, Ctrl-C or
 * the end of input it is deleted, leaving the data directory as it was.
 */
import type { TelegramClient } from "@mtcute/core/client.js";
import { join } from "node:path";
import {
  createHostContext,
  createTelegramClient,
} from "../telegram/client_factory.ts";
import type { WorkerConfig } from "../workers/protocol.ts";
import { CommandError, InterruptedError } from "./errors.ts";
import { logIn } from "./login.ts";
import type { Prompter } from "./prompt.ts";
import { TerminalPrompter } from "./prompt.ts";
import {
  createPrivateFile,
  ensureDataDir,
  moveSessionFiles,
  pathExists,
  removeEmptyDirs,
  removeSessionFiles,
  UNFINISHED_PREFIX,
} from "../telegram/session_files.ts";
import { newUserId, sessionPath } from "../client_id.ts";
import { deadline } from "../timers.ts";

/** Options of `addUser`. */
export interface AddUserOptions {
  config: WorkerConfig;
  /** Base URL shown in the example request. Default `http://localhost:8000`. */
  exampleUrl?: string;
  /** Default: questions on the terminal (stdin, stderr). */
  prompter?: Prompter;
  /** Where the endpoint is printed. Default: a line on stdout, so `$(…)` can capture it. */
  printEndpoint?: (endpoint: string) => void;
}

/** How long closing the client may take before the files are handled anyway. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Runs the login and prints the endpoint; returns the exit status (0, 1 on a
 * failure explained to the operator, 130 after Ctrl-C).
 */
export async function addUser(options: AddUserOptions): Promise<number> {
  const {
    config,
    exampleUrl = "http://localhost:8000",
    prompter = new TerminalPrompter(),
    printEndpoint = (endpoint: string) => console.log(endpoint),
  } = options;
  const tempPath = join(
    config.dataDir,
    `${UNFINISHED_PREFIX}${crypto.randomUUID()}.sqlite`,
  );
  let createdDirs: string[] = [];
  try {
    createdDirs = await ensureDataDir(config.dataDir);
    await createPrivateFile(tempPath);
  } catch (error) {
    await removeEmptyDirs(createdDirs);
    prompter.say(
      `Cannot use the data directory ${config.dataDir}: ${
        (error as Error).message
      }`,
    );
    return 1;
  }

  let client: TelegramClient | undefined;
  let lastNetworkError: Error | undefined;
  let settled = false;
  let discarding: Promise<void> | undefined;
  const discard = () =>
    discarding ??= (async () => {
      await closeClient(client);
      await removeSessionFiles(tempPath);
      await removeEmptyDirs(createdDirs);
    })();
  // Ctrl-C while waiting for Telegram (not at a prompt) arrives as a signal.
  const removeSignalHandlers = onTerminationSignal(() => {
    if (settled) return;
    prompter.close();
    prompter.say(`\n${new InterruptedError().message}`);
    discard().finally(() => Deno.exit(130));
  });

  try {
    client = createTelegramClient(tempPath, await createHostContext(config));
    // Network errors are retried by mtcute; keep the last one to explain a timeout.
    client.onError.add((error) => lastNetworkError = error);
    const user = await logIn({ client, prompter });
    await closeClient(client);
    const userId = await unusedUserId(config.dataDir);
    // From here on a signal no longer discards: the rename is what saves the login.
    settled = true;
    await moveSessionFiles(tempPath, sessionPath(config.dataDir, userId));
    const name = user.username
      ? `${user.displayName} (@${user.username})`
      : user.displayName;
    prompter.say(`Logged in as ${name}. The account's endpoint is:`);
    printEndpoint(`/${userId}`);
    prompter.say(
      "Keep it secret: whoever knows it can use the account. " +
        "With the server running, try:\n" +
        `  curl ${exampleUrl}/${userId}/getMe`,
    );
    return 0;
  } catch (error) {
    settled = true;
    await discard();
    if (!(error instanceof CommandError)) throw error;
    prompter.say(error.message);
    if (lastNetworkError && !(error instanceof InterruptedError)) {
      prompter.say(`The last network error was: ${lastNetworkError.message}`);
    }
    return error.exitCode;
  } finally {
    removeSignalHandlers();
    prompter.close();
  }
}

async function unusedUserId(dataDir: string): Promise<string> {
  // 192 random bits never collide in practice; checking costs nothing and rename would overwrite.
  for (;;) {
    const userId = newUserId();
    if (!await pathExists(sessionPath(dataDir, userId))) return userId;
  }
}

/** Closes the client (flushing and checkpointing its sqlite file), giving up after a while. */
async function closeClient(client: TelegramClient | undefined): Promise<void> {
  if (!client) return;
  // A close that fails or hangs must not keep the session files from being handled.
  await deadline(client.destroy(), CLOSE_TIMEOUT_MS).catch(() => {});
}

/** Calls `handler` on SIGINT, SIGTERM and SIGHUP (where they exist); returns a function that stops listening. */
function onTerminationSignal(handler: () => void): () => void {
  const signals: Deno.Signal[] = Deno.build.os === "windows"
    ? ["SIGINT", "SIGBREAK"]
    : ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) Deno.addSignalListener(signal, handler);
  return () => {
    for (const signal of signals) Deno.removeSignalListener(signal, handler);
  };
}
