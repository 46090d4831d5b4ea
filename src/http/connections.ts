/**
 * The front's listener, with the limits Deno.serve lacks (it has no header
 * or read timeouts and no connection limit, denoland/deno#3515): the gateway
 * accepts TCP connections itself and hands each one to Deno's own HTTP server
 * through its serve-on-connection entry point, so requests are parsed and
 * answered by the same native code as with Deno.serve, at the same speed
 * (measured in BENCHMARKS.md). On top of that:
 *
 * - a new connection must deliver its first request's complete headers
 *   within the header timeout;
 * - a kept-alive connection must start its next request within the
 *   keep-alive timeout of its previous response (it cannot be told from a
 *   connection sending the next headers slowly, so both are bounded by it);
 * - at most `maxConnections` are open; one more is answered 503 and closed
 *   at once, so slow clients cannot use up the file descriptors.
 *
 * Deno's server calls the handler only once a request's headers are complete,
 * which is what tells a slow connection from a working one without reading
 * its bytes here.
 */
import type { DescriptorBudget } from "../descriptors.ts";
import { openFileLimit } from "../descriptors.ts";
import type { ConnectionMetrics } from "../stats/connection_metrics.ts";
import { delay } from "../timers.ts";
import { type Deadline, Sweeper } from "./sweeper.ts";

/** Options of `serveGuarded`. */
export interface GuardOptions {
  hostname: string;
  port: number;
  /** Longest wait for a new connection's first complete request headers, in ms (0: no limit). */
  headerTimeoutMs: number;
  /** Longest wait for a kept-alive connection's next complete request headers, in ms (0: no limit). */
  keepAliveTimeoutMs: number;
  /** Most connections open at once (0: no limit). */
  maxConnections: number;
  /** The process's descriptors: a connection beyond what they allow is refused too. */
  descriptors?: DescriptorBudget;
  /** Where connections and dropped clients are counted. */
  metrics: ConnectionMetrics;
  /** Called once listening, with the address (port 0 resolved). */
  onListen: (addr: Deno.NetAddr) => void;
}

/** What `serveGuarded` returns: the part of Deno.HttpServer the server uses. */
export interface GatewayServer {
  readonly addr: Deno.NetAddr;
  /** Resolves once the listener is closed and every connection has ended. */
  readonly finished: Promise<void>;
  /** Stops accepting, lets requests in progress finish, and resolves when all did. */
  shutdown(): Promise<void>;
}

/** Deno's internal `serveHttpOnConnection(conn, signal, handler, onError, onListen)`. */
type ServeOnConnection = (
  conn: Deno.Conn,
  signal: AbortSignal,
  handler: Deno.ServeHandler<Deno.NetAddr>,
  onError: (error: unknown) => Response,
  onListen: (scheme: unknown) => void,
) => Deno.HttpServer<Deno.NetAddr>;

/** Most connections by default, whatever the file-descriptor limit. */
const MAX_DEFAULT_CONNECTIONS = 10_000;
/** Pause after a failed accept: out of descriptors, the pending connection stays queued and would fail again at once. */
const ACCEPT_RETRY_MS = 100;
/** A failed accept is logged at most this often. */
const ACCEPT_LOG_INTERVAL_MS = 60_000;
/** As Deno.serve's default, so the listen queue behaves the same. */
const TCP_BACKLOG = 511;

/** The 503 a refused connection gets before it is closed. */
function refusal(reason: string): Uint8Array {
  const body = JSON.stringify(`${reason}; retry later`);
  return new TextEncoder().encode(
    "HTTP/1.1 503 Service Unavailable\r\n" +
      "content-type: application/json; charset=utf-8\r\n" +
      "x-error-type: unavailable\r\nretry-after: 1\r\nconnection: close\r\n" +
      `content-length: ${body.length}\r\n\r\n${body}`,
  );
}

const TOO_MANY_CONNECTIONS = refusal(
  "Too many open connections (--max-connections)",
);
const TOO_MANY_FILES = refusal(
  "Too many open files (`ulimit -n`) to accept another connection",
);

/**
 * Deno's serve-on-connection, if this Deno has it with the expected shape.
 * It is internal (`Deno[Deno.internal]`, covered by Deno's own serve tests as
 * httpServerOnConnection, but in no public API), so it is looked up, not assumed.
 */
export function findServeOnConnection(): ServeOnConnection | undefined {
  const deno = Deno as unknown as
    & { internal?: symbol }
    & Record<symbol, Record<string, unknown> | undefined>;
  const internals = deno.internal === undefined
    ? undefined
    : deno[deno.internal];
  const serveOn = internals?.serveHttpOnConnection;
  return typeof serveOn === "function" && serveOn.length === 5
    ? serveOn as ServeOnConnection
    : undefined;
}

/**
 * The default `--max-connections`: half the open-file limit, leaving the
 * other half to sessions, Telegram connections and uploads; at most 10 000.
 */
export function defaultMaxConnections(
  limit: number | undefined = openFileLimit(),
): number {
  if (limit === undefined) return MAX_DEFAULT_CONNECTIONS;
  return Math.max(1, Math.min(MAX_DEFAULT_CONNECTIONS, Math.floor(limit / 2)));
}

function onError(error: unknown): Response {
  // The gateway's handler answers its own errors; reaching this is a bug.
  console.error("The HTTP handler threw:", error);
  return new Response(null, { status: 500 });
}

function noop() {}

/**
 * Serves `handler` on `hostname:port` with the header and keep-alive
 * timeouts and the connection limit. With all off, or on a Deno without serve-on-connection
 * (then with a warning), it is plain Deno.serve. Throws what Deno.listen
 * throws (e.g. Deno.errors.AddrInUse).
 */
export function serveGuarded(
  options: GuardOptions,
  handler: Deno.ServeHandler<Deno.NetAddr>,
): GatewayServer {
  const { hostname, port, headerTimeoutMs, keepAliveTimeoutMs, metrics } =
    options;
  const { maxConnections, descriptors } = options;
  const timed = headerTimeoutMs > 0 || keepAliveTimeoutMs > 0;
  const wanted = timed || maxConnections > 0;
  const serveOn = wanted ? findServeOnConnection() : undefined;
  if (!serveOn) {
    if (wanted) {
      console.error(
        `warning: Deno ${Deno.version.deno} cannot serve HTTP on an accepted connection; ` +
          "--header-timeout, --keepalive-timeout and --max-connections are not enforced",
      );
    }
    return Deno.serve({
      hostname,
      port,
      onListen: (addr) => options.onListen(addr as Deno.NetAddr),
    }, handler);
  }
  const listener = Deno.listen({
    hostname,
    port,
    transport: "tcp",
    tcpBacklog: TCP_BACKLOG,
  });
  metrics.guarded = true;
  metrics.limit = maxConnections;
  const servers = new Set<Deno.HttpServer<Deno.NetAddr>>();
  let closing = false;
  let loggedAt = -Infinity;

  const sweeper = new Sweeper(
    Math.min(headerTimeoutMs || Infinity, keepAliveTimeoutMs || Infinity),
  );
  const firstDue = () =>
    headerTimeoutMs > 0 ? performance.now() + headerTimeoutMs : Infinity;
  const nextDue = () =>
    keepAliveTimeoutMs > 0 ? performance.now() + keepAliveTimeoutMs : Infinity;

  const serveConnection = (conn: Deno.TcpConn) => {
    const abort = new AbortController();
    let active = 0;
    let requests = 0;
    const deadline: Deadline = {
      due: firstDue(),
      expire() {
        if (requests === 0) metrics.headerTimeouts++;
        else metrics.keepAliveTimeouts++;
        abort.abort();
      },
    };
    const settled = () => {
      if (--active === 0) deadline.due = nextDue();
    };
    // Without timeouts nothing needs to know when a request starts or a response is done.
    const guarded: Deno.ServeHandler<Deno.NetAddr> = timed
      ? (req, info) => {
        requests++;
        active++;
        deadline.due = Infinity;
        info.completed.then(settled, settled);
        return handler(req, info);
      }
      : handler;
    let server: Deno.HttpServer<Deno.NetAddr>;
    try {
      server = serveOn(conn, abort.signal, guarded, onError, noop);
    } catch (error) {
      console.error("Serving an accepted connection failed:", error);
      conn.close();
      descriptors?.release();
      return;
    }
    metrics.open++;
    metrics.accepted++;
    servers.add(server);
    if (timed) sweeper.add(deadline);
    server.finished.catch(() => {}).then(() => {
      sweeper.delete(deadline);
      servers.delete(server);
      metrics.open--;
      descriptors?.release();
    });
  };

  const refuse = (conn: Deno.TcpConn, answer: Uint8Array) => {
    metrics.refused++;
    conn.write(answer).catch(() => {}).finally(() => {
      try {
        conn.close();
      } catch { /* already closed */ }
    });
  };

  const acceptFailed = async (error: unknown) => {
    metrics.acceptErrors++;
    const now = performance.now();
    if (now - loggedAt >= ACCEPT_LOG_INTERVAL_MS) {
      loggedAt = now;
      console.error(
        `Accepting a connection failed (${metrics.acceptErrors} time(s) so far; ` +
          `${metrics.open} open): ${(error as Error)?.message ?? error}`,
      );
    }
    await delay(ACCEPT_RETRY_MS);
  };

  const accepting = (async () => {
    while (!closing) {
      let conn: Deno.TcpConn;
      try {
        conn = await listener.accept();
      } catch (error) {
        if (closing || error instanceof Deno.errors.BadResource) break;
        await acceptFailed(error);
        continue;
      }
      if (maxConnections > 0 && metrics.open >= maxConnections) {
        refuse(conn, TOO_MANY_CONNECTIONS);
      } else if (descriptors && !descriptors.tryAcquire("connection")) {
        refuse(conn, TOO_MANY_FILES);
      } else serveConnection(conn);
    }
  })();

  const addr = listener.addr;
  options.onListen(addr);
  const drain = () =>
    Promise.all([...servers].map((server) => server.finished.catch(() => {})));
  return {
    addr,
    finished: accepting.then(async () => {
      await drain();
    }),
    async shutdown() {
      if (!closing) {
        closing = true;
        try {
          listener.close();
        } catch { /* already closed */ }
      }
      await accepting;
      // Requests in progress finish; stalled connections still meet their header timeout.
      await Promise.all([...servers].map((server) => server.shutdown()));
      await drain();
    },
  };
}
