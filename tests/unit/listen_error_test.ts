import { assertEquals } from "../assert.ts";
import { describeListenError } from "../../src/http/listen_error.ts";

const FLAGS = { portFlag: "--port", port: 8000, hostname: "10.1.2.3" };

Deno.test("describeListenError() names the flag and port for the mistakes a flag can cause", () => {
  assertEquals(
    describeListenError(new Deno.errors.AddrInUse("os error 98"), FLAGS),
    "--port 8000 is already in use (address in use)",
  );
  assertEquals(
    describeListenError(new Deno.errors.AddrInUse("x"), {
      portFlag: "--control-port",
      port: 4431,
    }),
    "--control-port 4431 is already in use (address in use)",
  );
  assertEquals(
    describeListenError(new Deno.errors.PermissionDenied("x"), FLAGS),
    "--port 8000 may not be listened on by this user (permission denied)",
  );
  assertEquals(
    describeListenError(new Deno.errors.AddrNotAvailable("x"), FLAGS),
    "--hostname 10.1.2.3 is not an address of this machine (address not available)",
  );
});

Deno.test("describeListenError() leaves other errors to be reported as they are", () => {
  assertEquals(describeListenError(new Error("boom"), FLAGS), undefined);
  assertEquals(describeListenError("not an error", FLAGS), undefined);
});
