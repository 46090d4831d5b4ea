/** A small in-process HTTP server for the client's unit tests, closed when the test ends. */

/** A request the fake server received, with its body already read. */
export interface Received {
  method: string;
  path: string;
  headers: Headers;
  /** The body as text (JSON requests) or as a form (multipart requests). */
  text: string;
  form?: FormData;
}

/** A running fake server. */
export interface FakeServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request so far, oldest first. */
  received: Received[];
}

/**
 * Serves `handler` on a free loopback port while `run` runs, recording
 * every request; shuts the server down afterwards, also when `run` throws.
 */
export async function withFakeServer(
  handler: (req: Received, index: number) => Response | Promise<Response>,
  run: (server: FakeServer) => Promise<void>,
): Promise<void> {
  const received: Received[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      const isForm = req.headers.get("content-type")?.startsWith(
        "multipart/form-data",
      );
      const record: Received = {
        method: req.method,
        path: new URL(req.url).pathname,
        headers: req.headers,
        text: isForm ? "" : await req.text(),
        form: isForm ? await req.formData() : undefined,
      };
      received.push(record);
      return await handler(record, received.length - 1);
    },
  );
  try {
    await run({ url: `http://127.0.0.1:${server.addr.port}`, received });
  } finally {
    await server.shutdown();
  }
}

/** A JSON answer as the gateway sends it. */
export function json(
  value: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "x-request-id": "req-1",
      ...headers,
    },
  });
}

/** An error answer as the gateway sends it. */
export function gatewayError(
  message: string,
  status: number,
  type: string | null,
  headers: Record<string, string> = {},
): Response {
  return json(message, status, {
    ...(type === null ? {} : { "x-error-type": type }),
    ...headers,
  });
}

/** A syntactically valid bot endpoint on the fake server. */
export function botEndpoint(url: string): string {
  return `${url}/bot123456:AAH0123456789abcdefghijklmnopqrstuv`;
}
