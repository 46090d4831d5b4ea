/** End to end: a port already in use is one line naming the flag and the port, and exit status 2. */
import { assertEquals } from "../assert.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Runs `deno run -A <script> ...args` to its end. */
async function run(script: string, args: string[]) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", `${ROOT}${script}`, ...args],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: output.code,
    stdout: new TextDecoder().decode(output.stdout),
    stderr: new TextDecoder().decode(output.stderr),
  };
}

/** Runs `fn` with a port of 127.0.0.1 held by a listener of this process. */
async function withBusyPort(fn: (port: number) => Promise<void>) {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  try {
    await fn(listener.addr.port);
  } finally {
    listener.close();
  }
}

Deno.test("the gateway names a --port already in use and exits with 2", () =>
  withBusyPort(async (port) => {
    const dataDir = await Deno.makeTempDir({ prefix: "mtkruto-port-" });
    try {
      const { code, stdout, stderr } = await run("main.ts", [
        "--api-id",
        "1",
        "--api-hash",
        "e2e",
        "--data-dir",
        dataDir,
        "--hostname",
        "127.0.0.1",
        "--port",
        String(port),
      ]);
      assertEquals(
        { code, stdout, stderr },
        {
          code: 2,
          stdout: "",
          stderr: `error: --port ${port} is already in use (address in use)\n` +
            "Run mtkruto-server --help for usage.\n",
        },
      );
    } finally {
      await Deno.remove(dataDir, { recursive: true });
    }
  }));

for (const flag of ["--port", "--control-port"]) {
  Deno.test(`the DC emulator names a ${flag} already in use and exits with 2`, () =>
    withBusyPort(async (port) => {
      const stateDir = await Deno.makeTempDir({ prefix: "mtkruto-dc-port-" });
      try {
        const other = flag === "--port" ? "--control-port" : "--port";
        const { code, stdout, stderr } = await run("tests/dc/main.ts", [
          flag,
          String(port),
          other,
          "0",
          "--state-dir",
          stateDir,
        ]);
        assertEquals(
          { code, stdout, stderr },
          {
            code: 2,
            stdout: "",
            stderr:
              `error: ${flag} ${port} is already in use (address in use)\n`,
          },
        );
      } finally {
        await Deno.remove(stateDir, { recursive: true });
      }
    }));
}
