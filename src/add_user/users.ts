/** `--list-users` and `--remove-user`: the operator's view of the user endpoints in a data directory. */
import { readUserIdArgument, sessionPath } from "../client_id.ts";
import {
  createHostContext,
  createTelegramClient,
} from "../telegram/client_factory.ts";
import {
  isSessionRejected,
  originalErrorText,
} from "../telegram/rpc_errors.ts";
import { tl } from "@mtcute/core";
import type { WorkerConfig } from "../workers/protocol.ts";
import { withDeadline } from "./deadline.ts";
import { CommandError } from "./errors.ts";
import {
  pathExists,
  removeSessionFiles,
  UNFINISHED_PREFIX,
} from "../telegram/session_files.ts";
import { readSessionAccount } from "./session_info.ts";
import type { SessionAccount } from "./session_info.ts";

/** Where the commands write: results to `out` (stdout), explanations to `err` (stderr). */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

const STANDARD_OUTPUT: CommandOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** A user endpoint found in the data directory. */
export interface UserEndpoint {
  userId: string;
  /** Undefined when the session is not logged in. */
  account?: SessionAccount;
  /** Why the session file could not be read, if it could not. */
  problem?: string;
}

/** The user endpoints of `dataDir` (sorted), and files left by interrupted logins. */
export async function findUserEndpoints(
  dataDir: string,
): Promise<{ endpoints: UserEndpoint[]; unfinished: string[] }> {
  const endpoints: UserEndpoint[] = [];
  const unfinished: string[] = [];
  for await (const entry of Deno.readDir(dataDir)) {
    if (!entry.isFile) continue;
    if (entry.name.startsWith(UNFINISHED_PREFIX)) {
      if (entry.name.endsWith(".sqlite")) unfinished.push(entry.name);
      continue;
    }
    const userId = readUserIdArgument(entry.name.replace(/\.sqlite$/, ""));
    if (!userId || entry.name !== `${userId}.sqlite`) continue;
    try {
      endpoints.push({
        userId,
        account: readSessionAccount(sessionPath(dataDir, userId)),
      });
    } catch (error) {
      endpoints.push({ userId, problem: (error as Error).message });
    }
  }
  endpoints.sort((a, b) => a.userId < b.userId ? -1 : 1);
  return { endpoints, unfinished: unfinished.sort() };
}

/** One line of `--list-users`: the endpoint path, then who it is. */
export function formatUserEndpoint(endpoint: UserEndpoint): string {
  const path = `/${endpoint.userId}`;
  if (endpoint.problem) {
    return `${path}  (unreadable session: ${endpoint.problem})`;
  }
  const account = endpoint.account;
  if (!account) return `${path}  (not logged in)`;
  const who = [
    account.displayName,
    account.username ? `@${account.username}` : undefined,
    `id ${account.userId}`,
  ].filter(Boolean);
  return `${path}  ${who.join(", ")}`;
}

/** `--list-users`: prints one line per user endpoint on stdout; returns the exit status. */
export async function listUsers(
  options: { dataDir: string; output?: CommandOutput },
): Promise<number> {
  const { dataDir, output = STANDARD_OUTPUT } = options;
  if (!await pathExists(dataDir)) {
    output.err(
      `No user endpoints: ${dataDir} does not exist; add one with --add-user.`,
    );
    return 0;
  }
  const { endpoints, unfinished } = await findUserEndpoints(dataDir);
  for (const endpoint of endpoints) output.out(formatUserEndpoint(endpoint));
  if (endpoints.length === 0) {
    output.err(`No user endpoints in ${dataDir}; add one with --add-user.`);
  }
  if (unfinished.length > 0) {
    output.err(
      `${unfinished.length} file(s) left by an interrupted --add-user, safe to delete: ` +
        unfinished.join(", "),
    );
  }
  return 0;
}

/** Options of `removeUser`. */
export interface RemoveUserOptions {
  config: WorkerConfig;
  userId: string;
  /** Delete the session file even if Telegram cannot be told to end the session. */
  force: boolean;
  /** Longest wait for Telegram, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  output?: CommandOutput;
}

/**
 * `--remove-user`: logs the session out on Telegram (`auth.logOut`), then
 * deletes its file. When Telegram cannot be reached the file is kept, unless
 * `force`. Returns the exit status.
 */
export async function removeUser(options: RemoveUserOptions): Promise<number> {
  const { config, userId, force, timeoutMs = 30_000 } = options;
  const output = options.output ?? STANDARD_OUTPUT;
  const path = sessionPath(config.dataDir, userId);
  if (!await pathExists(path)) {
    output.err(`No such user endpoint in ${config.dataDir}; see --list-users.`);
    return 1;
  }
  const failure = await logOut(path, config, timeoutMs);
  if (failure === undefined) {
    output.err("Telegram ended the session.");
  } else if (!force) {
    output.err(
      `Could not log the session out: ${failure}. Nothing was deleted.\n` +
        "Try again when Telegram is reachable, or add --force to delete the session file anyway; " +
        "the session then stays active on Telegram until it is ended from the account's " +
        "Settings → Devices.",
    );
    return 1;
  } else {
    output.err(
      `Could not log the session out (${failure}); deleting it anyway (--force). ` +
        "End it from the account's Settings → Devices.",
    );
  }
  await removeSessionFiles(path);
  output.err("Removed the user endpoint.");
  return 0;
}

/** Logs the session at `path` out; returns why it could not, or undefined on success. */
async function logOut(
  path: string,
  config: WorkerConfig,
  timeoutMs: number,
): Promise<string | undefined> {
  const client = createTelegramClient(path, await createHostContext(config));
  let lastNetworkError: Error | undefined;
  client.onError.add((error) => lastNetworkError = error);
  try {
    await withDeadline(
      (abortSignal) => client.call({ _: "auth.logOut" }, { abortSignal }),
      timeoutMs,
    );
    return undefined;
  } catch (error) {
    // A session Telegram no longer knows is as logged out as it gets.
    if (isSessionRejected(error)) return undefined;
    if (tl.RpcError.is(error)) {
      return `Telegram answered ${originalErrorText(error)}`;
    }
    if (error instanceof CommandError) {
      const reason = error.message.replace(/\.$/, "");
      return lastNetworkError
        ? `${reason} (last network error: ${lastNetworkError.message})`
        : reason;
    }
    return (error as Error).message;
  } finally {
    await client.destroy().catch(() => {});
  }
}
