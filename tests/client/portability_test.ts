/** The client must run wherever `fetch` does: no Deno or Node APIs, no dependencies. */
import { assertEquals } from "../assert.ts";

const CLIENT = new URL("../../client/", import.meta.url);
const ROOT = new URL("../../", import.meta.url);

/** The library's modules (the examples are Deno programs and may use Deno's APIs). */
async function libraryFiles(): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(CLIENT)) {
    if (entry.isFile && entry.name.endsWith(".ts")) names.push(entry.name);
  }
  return names.sort();
}

/** A module's code without its comments (which may well mention Deno.serve). */
async function code(name: string): Promise<string> {
  const source = await Deno.readTextFile(new URL(name, CLIENT));
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

Deno.test("client/ imports only its own modules", async () => {
  const offending: string[] = [];
  for (const name of await libraryFiles()) {
    const source = await code(name);
    const specifiers = source.matchAll(
      /^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/gm,
    );
    for (const [, specifier = "", dynamic = ""] of specifiers) {
      if (dynamic) offending.push(`${name}: import(${dynamic})`);
      else if (!specifier.startsWith("./")) {
        offending.push(`${name}: ${specifier}`);
      }
    }
  }
  assertEquals(offending, []);
});

Deno.test("client/ uses no Deno or Node globals", async () => {
  const offending: string[] = [];
  for (const name of await libraryFiles()) {
    const source = await code(name);
    for (
      const global of [
        /\bDeno\./,
        /\bprocess\./,
        /\bBuffer\b/,
        /\brequire\(/,
        /\b__dirname\b/,
      ]
    ) {
      if (global.test(source)) offending.push(`${name}: ${global.source}`);
    }
  }
  assertEquals(offending, []);
});

Deno.test("client/ type-checks with only the ES2022 and DOM libraries (no Deno namespace)", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "check",
      "--quiet",
      "--config",
      "tests/client/web_lib.json",
      "client/mod.ts",
    ],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "null",
    stderr: "piped",
  }).output();
  assertEquals([code, new TextDecoder().decode(stderr)], [0, ""]);
});

/** Node's major version, or 0 when `node` is not installed. */
async function nodeMajor(): Promise<number> {
  try {
    const { stdout } = await new Deno.Command("node", {
      args: ["--version"],
      stdout: "piped",
      stderr: "null",
    }).output();
    return Number(/^v(\d+)/.exec(new TextDecoder().decode(stdout))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

Deno.test({
  name:
    "client/ runs under Node 20+ once bundled: calls, errors, uploads, downloads, webhooks",
  async fn() {
    // Node is always there: CI installs Deno with npm. A missing or old one fails here, loudly.
    const major = await nodeMajor();
    assertEquals(
      [`node major version ${major}`, major >= 20],
      [`node major version ${major}`, true],
    );
    const dir = await Deno.makeTempDir({ prefix: "mtkruto-client-" });
    try {
      const bundle = `${dir}/client.mjs`;
      const bundled = await new Deno.Command(Deno.execPath(), {
        args: ["bundle", "--quiet", "client/mod.ts", "-o", bundle],
        cwd: ROOT,
        stdout: "null",
        stderr: "piped",
      }).output();
      assertEquals([bundled.code, new TextDecoder().decode(bundled.stderr)], [
        0,
        "",
      ]);
      const run = await new Deno.Command("node", {
        args: [new URL("_node_smoke.mjs", import.meta.url).pathname, bundle],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const output = new TextDecoder().decode(run.stdout) +
        new TextDecoder().decode(run.stderr);
      assertEquals([run.code, output.trim()], [0, "ok"]);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
