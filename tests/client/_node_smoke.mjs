// Runs the bundled client under Node (argv[2] is the bundle's path) against a
// small node:http gateway; prints "ok" when every check passed.
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import assert from "node:assert/strict";

const lib = await import(process.argv[2]);
const { Client, RpcError, InputFile, webhookHandler } = lib;

const ME = { id: 1, isBot: true, firstName: "Node", username: "node_bot" };

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString();
  const method = req.url.split("/").at(-1);
  res.setHeader("x-request-id", "node-1");
  if (method === "getMe") {
    assert.equal(body, "[]");
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(ME));
  } else if (method === "mtcute.getUser") {
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        id: 1,
        seen: { _: "date", value: "2024-01-01T00:00:00.000Z" },
        hash: { _: "bigint", value: "-5" },
      }),
    );
  } else if (method === "sendMessage") {
    res.writeHead(420, {
      "content-type": "application/json",
      "x-error-type": "rpc",
      "retry-after": "3",
    });
    res.end(JSON.stringify("FLOOD_WAIT_3"));
  } else if (method === "sendDocument") {
    assert.match(
      req.headers["content-type"],
      /^multipart\/form-data; boundary=/,
    );
    assert.match(body, /name="file0"; filename="a.bin"/);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ id: 2, bytes: body.includes("\x01\x02\x03") }));
  } else if (method === "download") {
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": "6",
      "content-disposition": 'attachment; filename="f.bin"',
    });
    res.write("abc");
    setTimeout(() => res.end("def"), 10);
  } else {
    res.writeHead(404, {
      "content-type": "application/json",
      "x-error-type": "input",
    });
    res.end(JSON.stringify(`Unknown method: ${method}`));
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint =
  `http://127.0.0.1:${server.address().port}/bot1:AAH0123456789abcdefghijklmnopqrstuv`;

try {
  const client = new Client(endpoint);
  assert.deepEqual(await client.getMe(), ME);
  assert.deepEqual(await client.mtcute.getUser(1), {
    id: 1,
    seen: new Date("2024-01-01T00:00:00.000Z"),
    hash: -5n,
  });

  await assert.rejects(
    client.sendMessage(1, "x"),
    (error) =>
      error instanceof RpcError && error.retryAfter === 3 && error.code === 420,
  );

  const sent = await client.sendDocument(
    1,
    new InputFile(new Uint8Array([1, 2, 3]), { name: "a.bin" }),
  );
  assert.deepEqual(sent, { id: 2, bytes: true });

  const download = await client.download("FILE");
  assert.equal(download.fileName, "f.bin");
  assert.equal(await new Response(download.body).text(), "abcdef");

  // Webhooks: handlers by type, and the Client's middleware with its context.
  const secret = "node-secret";
  const payload = JSON.stringify([{
    updateId: 1,
    type: "message",
    message: {
      type: "text",
      id: 7,
      chat: { id: 5, type: "private" },
      text: "hi",
    },
  }]);
  const deliver = (handle) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac("sha256", secret).update(
      `${timestamp}.${payload}`,
    ).digest("hex");
    return handle(
      new Request("http://x/hook", {
        method: "POST",
        headers: {
          "x-mtkruto-secret-token": secret,
          "x-mtkruto-timestamp": String(timestamp),
          "x-mtkruto-signature": `sha256=${signature}`,
        },
        body: payload,
      }),
    );
  };
  const seen = [];
  const byType = webhookHandler({
    message: (message) => seen.push(message.id),
  }, { secretToken: secret });
  assert.equal((await deliver(byType)).status, 200);
  client.on("message:text", (ctx) => {
    seen.push(`${ctx.me.username}: ${ctx.msg.text}`);
  });
  const composed = client.webhookHandler({ secretToken: secret });
  assert.equal((await deliver(composed)).status, 200);
  assert.deepEqual(seen, [7, "node_bot: hi"]);
  console.log("ok");
} finally {
  server.close();
}
