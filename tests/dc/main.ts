/** Runs the DC emulator standalone: `deno task dc -- --port 0 --control-port 0 --state-dir .dc-state`. */
import { parseArgs } from "node:util";
import { describeListenError } from "../../src/http/listen_error.ts";
import { EmulatorListenError, startEmulator } from "./mod.ts";

/** Prints one line, as the gateway does for a bad flag, and exits with status 2. */
function fail(message: string): never {
  console.error(`error: ${message}`);
  Deno.exit(2);
}

function portArgument(value: string, name: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    fail(`--${name} must be a port number, got ${JSON.stringify(value)}`);
  }
  return port;
}

const FLAGS = {
  "port": "port",
  "controlPort": "control-port",
} as const;

// `deno task dc -- --port 1` passes the `--` through
const args = Deno.args[0] === "--" ? Deno.args.slice(1) : Deno.args;
let values;
try {
  ({ values } = parseArgs({
    args,
    options: {
      hostname: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "0" },
      "control-port": { type: "string", default: "0" },
      "state-dir": { type: "string", default: ".dc-state" },
    },
  }));
} catch (error) {
  fail(String((error as Error).message).split("\n")[0]);
}

let emulator;
try {
  emulator = await startEmulator({
    hostname: values.hostname,
    port: portArgument(values.port, "port"),
    controlPort: portArgument(values["control-port"], "control-port"),
    stateDir: values["state-dir"],
  });
} catch (error) {
  const message = error instanceof EmulatorListenError
    ? describeListenError(error.cause, {
      portFlag: `--${FLAGS[error.option]}`,
      port: error.port,
      hostname: values.hostname,
    })
    : undefined;
  if (message === undefined) throw error;
  fail(message);
}
console.log(
  `DC emulator: mtproto ${values.hostname}:${emulator.port}, control http://${values.hostname}:${emulator.controlPort}, public key ${emulator.publicKeyPath}`,
);

const stop = async () => {
  await emulator.close();
  Deno.exit(0);
};
Deno.addSignalListener("SIGINT", stop);
Deno.addSignalListener("SIGTERM", stop);
