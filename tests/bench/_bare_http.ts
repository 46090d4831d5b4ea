/**
 * The HTTP floor of the gateway benchmark: a bare `Deno.serve` that reads the
 * JSON body and answers a fixed JSON object. Measured with the same client as
 * the gateway, it shows what HTTP alone costs on this machine.
 */
const BODY = JSON.stringify({ url: "", pendingUpdateCount: 0 });

Deno.serve({
  hostname: "127.0.0.1",
  port: 0,
  onListen: ({ hostname, port }) =>
    console.log(`bare HTTP listening on http://${hostname}:${port}/`),
}, async (req) => {
  JSON.parse(await req.text());
  return new Response(BODY, {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
});
