import { assertEquals, assertRejects } from "../assert.ts";
import { discardUploads } from "../../src/http/uploads.ts";
import type { UploadedFile } from "../../src/workers/protocol.ts";
import { parseArgs } from "../../src/http/args.ts";
import {
  InputError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from "../../src/errors.ts";

const BASE = "http://gateway.test/userAbCdEfGhIjKlMnOpQrStUv/exampleMethod";
const UPLOAD_DIR = Deno.makeTempDirSync({ prefix: "mtkruto-uploads-" });
const OPTIONS = {
  maxBodyBytes: 1024,
  maxUploadBytes: 1024,
  uploadDir: UPLOAD_DIR,
};

function get(
  search: string,
): Promise<{ args: unknown[]; files: Map<string, UploadedFile> }> {
  return parseArgs(new Request(`${BASE}/${search}`), OPTIONS);
}

function post(
  body: BodyInit | null,
  headers: Record<string, string> = {},
  maxBodyBytes = OPTIONS.maxBodyBytes,
) {
  return parseArgs(new Request(BASE, { method: "POST", body, headers }), {
    ...OPTIONS,
    maxBodyBytes,
    maxUploadBytes: maxBodyBytes,
  });
}

function postJson(body: string) {
  return post(body, { "content-type": "application/json" });
}

function postForm(entries: [string, string | File][], maxBodyBytes?: number) {
  const form = new FormData();
  for (const [name, value] of entries) {
    form.append(name, value);
  }
  return parseArgs(new Request(BASE, { method: "POST", body: form }), {
    ...OPTIONS,
    maxUploadBytes: maxBodyBytes ?? OPTIONS.maxUploadBytes,
  });
}

/** A body stream that sends no Content-Length. */
function streamOf(text: string): ReadableStream<Uint8Array> {
  return ReadableStream.from([new TextEncoder().encode(text)]);
}

async function assertInputError(
  promise: Promise<unknown>,
  status: number,
  fragment: string,
) {
  const error = await assertRejects(promise, InputError);
  assertEquals(error.status, status);
  assertEquals(error.type, "input");
  if (!error.message.includes(fragment)) {
    throw new Error(
      `expected ${JSON.stringify(error.message)} to include ${
        JSON.stringify(fragment)
      }`,
    );
  }
  return error;
}

Deno.test('parseArgs() reads the seed\'s GET ?1337&"Hello, world!" as a browser sends it', async () => {
  assertEquals(await get('?1337&"Hello, world!"'), {
    args: [1337, "Hello, world!"],
    files: new Map(),
  });
});

Deno.test("parseArgs() reads the seed's GET with the quotes and space percent-encoded", async () => {
  assertEquals((await get("?1337&%22Hello,%20world!%22")).args, [
    1337,
    "Hello, world!",
  ]);
});

Deno.test("parseArgs() reads the seed's GET ?1&foo=false&bar=true with a trailing object", async () => {
  assertEquals((await get("?1&foo=false&bar=true")).args, [1, {
    foo: false,
    bar: true,
  }]);
});

Deno.test("parseArgs() reads a GET without a trailing slash the same", async () => {
  const args = await parseArgs(new Request(`${BASE}?1&foo=false`), OPTIONS);
  assertEquals(args.args, [1, { foo: false }]);
});

Deno.test("parseArgs() reads a GET without search parameters as no arguments", async () => {
  assertEquals((await get("")).args, []);
});

Deno.test("parseArgs() decodes + in search parameters as a space", async () => {
  assertEquals((await get('?"a+b"&s="x%2By"')).args, ["a b", { s: "x+y" }]);
});

Deno.test("parseArgs() keeps a __proto__ search parameter as data", async () => {
  const [options] = (await get("?__proto__=1")).args as [
    Record<string, unknown>,
  ];
  assertEquals(Object.getPrototypeOf(options), Object.prototype);
  assertEquals(Object.hasOwn(options, "__proto__"), true);
});

Deno.test("parseArgs() rejects a repeated name", async () => {
  await assertInputError(
    get("?foo=1&foo=2"),
    400,
    "Search parameter foo is given more than once",
  );
});

Deno.test("parseArgs() rejects an argument that is not JSON, naming it", async () => {
  await assertInputError(get("?1&hello"), 400, "Argument 2 is not valid JSON");
});

Deno.test("parseArgs() rejects a named value that is not JSON, naming it", async () => {
  await assertInputError(
    get("?name=John"),
    400,
    "Search parameter name is not valid JSON",
  );
});

Deno.test("parseArgs() rejects an empty named value", async () => {
  await assertInputError(get("?foo="), 400, "Search parameter foo is empty");
});

Deno.test("parseArgs() rejects a value without a name", async () => {
  await assertInputError(get("?=1"), 400, "no name");
});

Deno.test('parseArgs() reads the seed\'s POST [1337, "Hello, world!"]', async () => {
  assertEquals(await postJson('[1337, "Hello, world!"]'), {
    args: [1337, "Hello, world!"],
    files: new Map(),
  });
});

Deno.test("parseArgs() accepts a charset parameter on application/json", async () => {
  const parsed = await post("[1]", {
    "content-type": "Application/JSON; charset=utf-8",
  });
  assertEquals(parsed.args, [1]);
});

Deno.test("parseArgs() reads the seed's POST /invoke ping object as the only argument", async () => {
  const ping = `{
  "_": "ping",
  "ping_id": {
    "_": "bigint",
    "value": "123456"
  }
}`;
  assertEquals((await postJson(ping)).args, [{
    _: "ping",
    ping_id: { _: "bigint", value: "123456" },
  }]);
});

Deno.test("parseArgs() rejects a JSON body that is neither an array nor an object", async () => {
  await assertInputError(
    postJson('"hello"'),
    400,
    "The body must be a JSON array of arguments",
  );
});

Deno.test("parseArgs() rejects an empty JSON body", async () => {
  await assertInputError(postJson(""), 400, "The body is empty");
  await assertInputError(
    post(null, { "content-type": "application/json" }),
    400,
    "The body is empty",
  );
});

Deno.test("parseArgs() rejects a JSON body that is not JSON", async () => {
  await assertInputError(postJson("[1,"), 400, "The body is not valid JSON");
});

Deno.test("parseArgs() rejects a POST without Content-Type", async () => {
  const req = new Request(BASE, { method: "POST", body: streamOf("[1]") });
  await assertInputError(
    parseArgs(req, OPTIONS),
    400,
    "The Content-Type header is required for POST requests",
  );
});

Deno.test("parseArgs() rejects other content types with a 415", async () => {
  const error = await assertInputError(
    post("1", { "content-type": "text/plain" }),
    415,
    "text/plain",
  );
  assertEquals(error instanceof UnsupportedMediaTypeError, true);
});

for (const method of ["PUT", "DELETE", "HEAD", "PATCH"]) {
  Deno.test(`parseArgs() rejects ${method} with a 405 and Allow`, async () => {
    const error = await assertRejects(
      parseArgs(new Request(BASE, { method }), OPTIONS),
      MethodNotAllowedError,
    );
    assertEquals(error.status, 405);
    assertEquals(error.type, "input");
    assertEquals(error.headers, { allow: "GET, POST" });
  });
}

Deno.test("parseArgs() rejects a body whose Content-Length is over the limit before reading it", async () => {
  let pulled = false;
  const body = new ReadableStream({
    pull(controller) {
      pulled = true;
      controller.close();
    },
  }, { highWaterMark: 0 });
  const req = new Request(BASE, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "content-length": "1025" },
  });
  const error = await assertRejects(
    parseArgs(req, OPTIONS),
    PayloadTooLargeError,
  );
  assertEquals([error.status, error.type, pulled], [413, "input", false]);
});

Deno.test("parseArgs() rejects an oversized JSON body without Content-Length", async () => {
  const body = streamOf(`[${"1,".repeat(600)}1]`);
  const error = await assertRejects(
    post(body, { "content-type": "application/json" }),
    PayloadTooLargeError,
  );
  assertEquals(error.status, 413);
});

Deno.test("parseArgs() rejects an oversized body whose Content-Length lies", async () => {
  const body = streamOf(`[${"1,".repeat(600)}1]`);
  const headers = {
    "content-type": "application/json",
    "content-length": "10",
  };
  await assertRejects(post(body, headers), PayloadTooLargeError);
});

Deno.test("parseArgs() reads a JSON body with a Content-Length in one go, bounded all the same", async () => {
  const body = '[1337,"Hello, world!"]';
  const headers = {
    "content-type": "application/json",
    "content-length": String(body.length),
  };
  assertEquals((await post(body, headers)).args, [1337, "Hello, world!"]);
  // Only a Request made in-process can carry more than its Content-Length.
  await assertRejects(
    post(`[${"1,".repeat(600)}1]`, { ...headers, "content-length": "10" }),
    PayloadTooLargeError,
  );
});

Deno.test("parseArgs() accepts a body of exactly the limit", async () => {
  assertEquals(
    (await post(streamOf("[1]"), { "content-type": "application/json" }, 3))
      .args,
    [1],
  );
});

Deno.test("parseArgs() reads multipart text parts as JSON arguments in order", async () => {
  const parsed = await postForm([["a", "1337"], ["b", '"Hello, world!"'], [
    "c",
    '{"foo":false}',
  ]]);
  assertEquals(parsed, {
    args: [1337, "Hello, world!", { foo: false }],
    files: new Map(),
  });
});

Deno.test("parseArgs() puts positional file parts at their position", async () => {
  const photo = new File(["png bytes"], "photo.png", { type: "image/png" });
  const parsed = await postForm([["chat", "42"], ["photo", photo], [
    "options",
    '{"caption":"hi"}',
  ]]);
  assertEquals(parsed.args, [42, { _: "file", field: "photo" }, {
    caption: "hi",
  }]);
  const spooled = parsed.files.get("photo")!;
  assertEquals(await Deno.readTextFile(spooled.path), "png bytes");
  assertEquals([spooled.name, spooled.type, spooled.size], [
    "photo.png",
    "image/png",
    9,
  ]);
  await discardUploads(parsed.files.values());
  assertEquals([...Deno.readDirSync(UPLOAD_DIR)], []);
});

Deno.test("parseArgs() keeps a referenced file part out of the positional arguments", async () => {
  const doc = new File(["doc"], "doc.txt");
  const parsed = await postForm([
    ["doc", doc],
    ["chat", "42"],
    ["media", '{"type":"document","document":{"_":"file","field":"doc"}}'],
  ]);
  assertEquals(parsed.args, [42, {
    type: "document",
    document: { _: "file", field: "doc" },
  }]);
  assertEquals([...parsed.files.keys()], ["doc"]);
});

Deno.test("parseArgs() rejects a reference to a missing file part", async () => {
  const parts: [string, string][] = [["chat", "42"], [
    "media",
    '[{"_":"file","field":"nope"}]',
  ]];
  await assertInputError(
    postForm(parts),
    400,
    'Argument 2 refers to file part "nope"',
  );
});

Deno.test("parseArgs() rejects a file reference in a JSON body", async () => {
  await assertInputError(
    postJson('[{"_":"file","field":"x"}]'),
    400,
    'refers to file part "x"',
  );
});

Deno.test("parseArgs() rejects a file reference without a field", async () => {
  await assertInputError(
    postJson('[{"_":"file"}]'),
    400,
    'needs a string "field"',
  );
});

Deno.test("parseArgs() rejects a multipart text part that is not JSON, naming it", async () => {
  await assertInputError(
    postForm([["caption", "hello"]]),
    400,
    'Part "caption" is not valid JSON',
  );
});

Deno.test("parseArgs() rejects two file parts with one name", async () => {
  const file = new File(["x"], "x.bin");
  await assertInputError(
    postForm([["f", file], ["f", file]]),
    400,
    'File part "f" is given more than once',
  );
});

Deno.test("parseArgs() rejects an oversized multipart body without Content-Length", async () => {
  const big = new File(["x".repeat(2048)], "big.bin");
  await assertRejects(
    postForm([["a", "1"], ["big", big]]),
    PayloadTooLargeError,
  );
});

Deno.test("parseArgs() rejects a malformed multipart body", async () => {
  const spooledBefore = [...Deno.readDirSync(UPLOAD_DIR)].length;
  await assertInputError(
    post("junk", { "content-type": "multipart/form-data" }),
    400,
    "no valid boundary parameter",
  );
  await assertInputError(
    post("junk", { "content-type": "multipart/form-data; boundary=xyz" }),
    400,
    "The multipart body has no boundary",
  );
  await assertInputError(
    post('--xyz\r\ncontent-disposition: form-data; name="a"\r\n\r\n12', {
      "content-type": "multipart/form-data; boundary=xyz",
    }),
    400,
    "ended inside a part",
  );
  // A file part cut short: its partial spool file is deleted.
  await assertInputError(
    post(
      '--xyz\r\ncontent-disposition: form-data; name="f"; filename="a.bin"\r\n\r\n' +
        "x".repeat(500),
      {
        "content-type": "multipart/form-data; boundary=xyz",
      },
    ),
    400,
    "ended inside a part",
  );
  assertEquals([...Deno.readDirSync(UPLOAD_DIR)].length, spooledBefore);
});

Deno.test("parseArgs() rejects arguments nested deeper than the limit, wherever they come from", async () => {
  const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
  const message =
    "Argument 1 nests arrays and objects more than 64 levels deep (see --max-json-depth)";
  // 5,000 levels used to overflow the stack where the call crossed to its worker.
  const deep = nested(5000);
  await assertInputError(
    post(`[${deep}]`, { "content-type": "application/json" }, 1 << 20),
    400,
    message,
  );
  await assertInputError(
    parseArgs(new Request(`${BASE}?${encodeURIComponent(deep)}`), OPTIONS),
    400,
    message,
  );
  await assertInputError(
    postForm([["a", `{"x": ${nested(65)}}`]], 1 << 20),
    400,
    message,
  );
  assertEquals((await postJson(`[${nested(64)}]`)).args.length, 1);
  // The limit is the operator's to change.
  await assertInputError(
    parseArgs(new Request(`${BASE}?${nested(3)}`), {
      ...OPTIONS,
      maxJsonDepth: 2,
    }),
    400,
    "Argument 1 nests arrays and objects more than 2 levels deep (see --max-json-depth)",
  );
});
