/**
 * The import graph keeps the architecture's layers: the front (HTTP, stats,
 * the worker pool) never loads mtcute, the worker side never reaches back
 * into the front, and the shared modules at the top of src/ stand alone.
 * Type-only imports count for the layers; dynamic `import()` (the CLI's
 * user commands) does not.
 */
import { assertEquals } from "../assert.ts";
import { dirname, join, relative } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const IMPORT = /^(import|export)\s+(type\s+)?[^;]*?\bfrom\s+"([^"]+)"/gms;

/** Every static import of every module under src/ and main.ts, with relative paths resolved. */
function importGraph(): Edge[] {
  const files = ["main.ts", ...walk("src")];
  return files.flatMap((from) => {
    const text = Deno.readTextFileSync(join(ROOT, from));
    return [...text.matchAll(IMPORT)].map((match) => {
      const specifier = match[3];
      const to = specifier.startsWith(".")
        ? relative(ROOT, join(ROOT, dirname(from), specifier))
        : specifier;
      return { from, to, typeOnly: match[2] !== undefined };
    });
  });
}

function walk(dir: string): string[] {
  return [...Deno.readDirSync(join(ROOT, dir))].flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) return walk(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The layer a module belongs to. */
function layerOf(path: string): string {
  if (path === "main.ts" || path === "src/cli.ts") return "entry";
  const match = /^src\/([^/]+)\//.exec(path);
  if (!match) return path.startsWith("src/") ? "shared" : "external";
  // The pool and the boot-up run in the front; the rest of workers/ is the protocol both threads share.
  if (path === "src/workers/pool.ts" || path === "src/workers/boot.ts") {
    return "pool";
  }
  return match[1];
}

/** Which layers each layer may import (its own always). */
const ALLOWED: Record<string, readonly string[]> = {
  entry: ["http", "stats", "pool", "workers", "add_user", "shared"],
  http: ["stats", "pool", "workers", "shared"],
  stats: ["pool", "workers", "shared"],
  pool: ["workers", "shared"],
  workers: ["shared"],
  add_user: ["telegram", "workers", "shared"],
  telegram: ["mtkruto", "updates", "storage", "tl", "workers", "shared"],
  mtkruto: ["updates", "storage", "tl", "workers", "shared"],
  updates: ["storage", "tl", "workers", "shared"],
  storage: ["shared"],
  tl: ["shared"],
  shared: [],
};

Deno.test("no import runs back up a layer", () => {
  const wrong = importGraph().filter(({ from, to }) => {
    const [a, b] = [layerOf(from), layerOf(to)];
    return b !== "external" && a !== b && !ALLOWED[a].includes(b);
  }).map(({ from, to }) => `${from} → ${to}`);
  assertEquals(wrong, []);
});

Deno.test("the front never loads mtcute", () => {
  const edges = importGraph().filter((edge) => !edge.typeOnly);
  const reached = new Set<string>(["main.ts"]);
  const via = new Map<string, string>();
  for (const path of reached) {
    for (const edge of edges) {
      if (edge.from === path && !reached.has(edge.to)) {
        reached.add(edge.to);
        via.set(edge.to, path);
      }
    }
  }
  const chain = (path: string): string =>
    via.has(path) ? `${chain(via.get(path)!)} → ${path}` : path;
  const mtcute = [...reached].filter((path) =>
    path.startsWith("@mtcute/") || path.startsWith("@fuman/")
  ).map(chain);
  assertEquals(mtcute, []);
});

Deno.test("the layer check sees the modules it judges", () => {
  const layers = new Set(importGraph().map((edge) => layerOf(edge.from)));
  assertEquals([...layers].sort(), Object.keys(ALLOWED).sort());
});
