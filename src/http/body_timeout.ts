/**
 * The request-body deadline (`--body-timeout`): a client that stops sending
 * its body gets a 408 instead of holding its connection and request forever,
 * which Deno's HTTP server would allow (it has no read timeouts).
 */
import { RequestTimeoutError } from "../errors.ts";
import { type Deadline, Sweeper } from "./sweeper.ts";

/**
 * Bodies declared up to this size get one deadline for the whole body. Bigger,
 * chunked and unsized bodies are watched chunk by chunk instead, which needs a
 * new Request around a wrapping stream: ~20 µs more per request, measured,
 * more than the whole HTTP cost of a small call, while a body this small has
 * no reason to take `--body-timeout` to arrive.
 */
export const SMALL_BODY_BYTES = 64 * 1024;

/** Options of `createBodyDeadline`. */
export interface BodyTimeoutOptions {
  /** The longest wait: for the whole of a small body, or for each chunk of a big one. */
  timeoutMs: number;
  /** Called once for each request whose body timed out (for the stats). */
  onTimeout?: () => void;
}

/** Reads a request's body with `read`, under the deadline; see `createBodyDeadline`. */
export type BodyDeadline = <T>(
  req: Request,
  read: (body: Request) => Promise<T>,
  discard?: (late: T) => unknown,
) => Promise<T>;

/** Whether `req` has a body to wait for: GET and HEAD bodies are never read. */
function expectsBody(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const length = req.headers.get("content-length");
  return length === null
    ? req.headers.get("transfer-encoding") !== null
    : length !== "0";
}

function declaredLength(req: Request): number {
  const length = req.headers.get("content-length");
  return length === null ? Infinity : Number(length);
}

function timeoutError(timeoutMs: number, whole: boolean): RequestTimeoutError {
  const seconds = timeoutMs / 1000;
  return new RequestTimeoutError(
    whole
      ? `The request body did not arrive within ${seconds} s (--body-timeout)`
      : `The request body stalled: nothing arrived for ${seconds} s (--body-timeout)`,
  );
}

function ignore() {}

/**
 * Returns a function that runs `read(body)`, which reads the body of `req` (or
 * of a stand-in for it), and throws RequestTimeoutError (408) instead when the
 * body stalls: a small body must have arrived within `timeoutMs` of the call,
 * a bigger one may not pause longer than that between chunks. `discard` gets
 * a result that comes too late (e.g. to delete spooled uploads). Requests
 * without a body cost nothing.
 */
export function createBodyDeadline(options: BodyTimeoutOptions): BodyDeadline {
  const { timeoutMs, onTimeout } = options;
  const sweeper = new Sweeper(timeoutMs);

  const withDeadline = <T>(
    req: Request,
    read: (body: Request) => Promise<T>,
    discard: (late: T) => unknown,
  ): Promise<T> => {
    const reading = read(req);
    return new Promise<T>((resolve, reject) => {
      const deadline: Deadline = {
        due: performance.now() + timeoutMs,
        expire() {
          onTimeout?.();
          // Answering ahead of the body makes Deno close the connection, which ends the read.
          reading.then(discard, ignore);
          reject(timeoutError(timeoutMs, true));
        },
      };
      sweeper.add(deadline);
      reading.then((value) => {
        sweeper.delete(deadline);
        resolve(value);
      }, (error) => {
        sweeper.delete(deadline);
        reject(error);
      });
    });
  };

  const withWatchedChunks = async <T>(
    req: Request,
    read: (body: Request) => Promise<T>,
  ): Promise<T> => {
    let stalled = false;
    const reader = req.body!.getReader();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const deadline: Deadline = {
      due: Infinity,
      expire() {
        stalled = true;
        onTimeout?.();
        // The read stays pending: cancelling it would have Deno wait to drain the rest of the
        // body after the 408, where a body left unread makes it close the connection.
        controller.error(timeoutError(timeoutMs, false));
      },
    };
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
      async pull() {
        deadline.due = performance.now() + timeoutMs;
        sweeper.add(deadline);
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (!stalled) controller.error(error);
          return;
        } finally {
          sweeper.delete(deadline);
        }
        if (stalled) return;
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      cancel: (reason) => reader.cancel(reason),
      // Nothing is read ahead: time the reader spends elsewhere (spooling to disk) is not a stall.
    }, { highWaterMark: 0 });
    const watched = new Request(req.url, {
      method: req.method,
      headers: req.headers,
      body,
      duplex: "half",
    } as RequestInit);
    try {
      return await read(watched);
    } catch (error) {
      // The reader may have wrapped the stream's error in one of its own.
      if (stalled) throw timeoutError(timeoutMs, false);
      throw error;
    }
  };

  return (req, read, discard = ignore) => {
    if (!expectsBody(req)) return read(req);
    return declaredLength(req) <= SMALL_BODY_BYTES
      ? withDeadline(req, read, discard)
      : withWatchedChunks(req, read);
  };
}
