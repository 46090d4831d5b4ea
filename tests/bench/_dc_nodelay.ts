/**
 * Runs the DC emulator (`tests/dc/main.ts`, same arguments) with TCP_NODELAY
 * on every accepted connection. The emulator leaves Nagle's algorithm on, so
 * a reply written right after another small write waits for the client's
 * delayed ACK (~40 ms on Linux): one request in flight then takes ~45 ms
 * whoever sends it, which would hide everything the benchmarks measure.
 * Setting the option twice is harmless, so this stays correct once the
 * emulator sets it itself.
 */
const listen = Deno.listen;

function listenWithNoDelay(
  options: Deno.TcpListenOptions & { transport?: "tcp" },
): Deno.TcpListener {
  const listener = listen(options);
  const accept = listener.accept.bind(listener);
  listener.accept = async () => {
    const conn = await accept();
    conn.setNoDelay(true);
    return conn;
  };
  return listener;
}

Object.defineProperty(Deno, "listen", {
  value: listenWithNoDelay,
  configurable: true,
  writable: true,
});
await import("../dc/main.ts");
