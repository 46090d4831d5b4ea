/**
 * A program running in a real pseudo-terminal for end-to-end tests: tmux
 * gives it a TTY (raw mode, Ctrl-C as a key) and lets the test type into it
 * and read its screen. Each session gets its own tmux server (`-L`), so tests
 * never touch a tmux the developer is using.
 */

/** A detached tmux session running one command. */
export interface Terminal {
  /** Types `text` literally (no key names), without Enter. */
  type(text: string): Promise<void>;
  /** Presses keys by tmux name: `Enter`, `C-c`, `C-d`, `BSpace`. */
  press(...keys: string[]): Promise<void>;
  /** The whole screen and scrollback, wrapped lines joined. */
  screen(): Promise<string>;
  /** Resolves with the first match of `pattern` on the screen; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Waits for the command to end and returns its exit status. */
  exitCode(timeoutMs?: number): Promise<number>;
  /** Kills the session and its tmux server. */
  close(): Promise<void>;
}

const EXIT_MARK = "TERMINAL-EXIT-STATUS=";
const POLL_MS = 100;

async function tmux(socket: string, args: string[]): Promise<string> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command("tmux", {
      args: ["-L", socket, ...args],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(
        "tmux is needed for the terminal tests: apt-get install -y tmux",
      );
    }
    throw error;
  }
  if (!output.success) {
    throw new Error(
      `tmux ${args[0]} failed: ${new TextDecoder().decode(output.stderr)}`,
    );
  }
  return new TextDecoder().decode(output.stdout);
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Starts `argv` in a fresh 200×50 terminal; after it ends, its exit status is shown on the screen. */
export async function startTerminal(
  argv: string[],
  options: { cwd?: string } = {},
): Promise<Terminal> {
  const socket = `mtkruto-e2e-${crypto.randomUUID().slice(0, 8)}`;
  // The shell stays alive after the command, so its last words stay readable.
  const script = `${argv.map(shellQuote).join(" ")}; echo "${EXIT_MARK}$?"; ` +
    "sleep 3600";
  await tmux(socket, [
    "new-session",
    "-d",
    "-s",
    "main",
    "-x",
    "200",
    "-y",
    "50",
    ...(options.cwd ? ["-c", options.cwd] : []),
    script,
  ]);
  const screen = () =>
    tmux(socket, ["capture-pane", "-p", "-J", "-S", "-", "-t", "main"]);
  const waitFor = async (pattern: RegExp, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = await screen();
      const match = text.match(pattern);
      if (match) return match;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${pattern} on:\n${text}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  return {
    type: async (text) =>
      void await tmux(socket, ["send-keys", "-t", "main", "-l", text]),
    press: async (...keys) =>
      void await tmux(socket, ["send-keys", "-t", "main", ...keys]),
    screen,
    waitFor,
    exitCode: async (timeoutMs) =>
      Number((await waitFor(new RegExp(`${EXIT_MARK}(\\d+)`), timeoutMs))[1]),
    close: async () => {
      await tmux(socket, ["kill-server"]).catch(() => {});
    },
  };
}
