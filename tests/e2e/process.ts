/** Child processes for end-to-end tests: start, wait for a line, collect output, stop. */

/** A running child process whose output is being collected. */
export interface Child {
  process: Deno.ChildProcess;
  /** Everything printed so far (stdout and stderr interleaved per chunk). */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects after `timeoutMs` or on exit. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: Deno.Signal): Promise<Deno.CommandStatus>;
}

/** Spawns `deno run -A <script> ...args` with piped output (under `prlimit` for an open-file limit). */
export function spawnDeno(
  script: string,
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    /** The child's `ulimit -n` (soft and hard). */
    openFileLimit?: number;
  } = {},
): Child {
  const deno = [Deno.execPath(), "run", "--allow-all", script, ...args];
  const limit = options.openFileLimit;
  const [command, ...commandArgs] = limit === undefined
    ? deno
    : ["prlimit", `--nofile=${limit}:${limit}`, ...deno];
  const process = new Deno.Command(command, {
    args: commandArgs,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    cwd: options.cwd,
    env: options.env,
  }).spawn();
  let text = "";
  const listeners = new Set<() => void>();
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
      text += chunk;
      for (const listener of listeners) listener();
    }
  };
  const pumps = Promise.all([pump(process.stdout), pump(process.stderr)]);
  const status = process.status;
  let exited = false;
  status.then(() => {
    exited = true;
    for (const listener of listeners) listener();
  });

  return {
    process,
    output: () => text,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) return finish(() => resolve(match));
          if (exited) {
            finish(() =>
              reject(
                new Error(
                  `process exited before printing ${pattern}:\n${text}`,
                ),
              )
            );
          }
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new Error(`timed out waiting for ${pattern}:\n${text}`))
            ),
          timeoutMs,
        );
        const finish = (fn: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          fn();
        };
        listeners.add(check);
        check();
      });
    },
    async stop(signal: Deno.Signal = "SIGTERM") {
      if (!exited) {
        try {
          process.kill(signal);
        } catch { /* already gone */ }
      }
      const result = await status;
      await pumps;
      return result;
    },
  };
}
