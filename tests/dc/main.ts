/** Runs the DC emulator standalone: `deno task dc -- --port 0 --control-port 0 --state-dir .dc-state`. */
import { parseArgs } from "node:util";
import { startEmulator } from "./mod.ts";

function portArgument(value: string, name: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--${name} must be a port number`);
  }
  return port;
}

// `deno task dc -- --port 1` passes the `--` through
const args = Deno.args[0] === "--" ? Deno.args.slice(1) : Deno.args;
const { values } = parseArgs({
  args,
  options: {
    hostname: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "0" },
    "control-port": { type: "string", default: "0" },
    "state-dir": { type: "string", default: ".dc-state" },
  },
});

const emulator = await startEmulator({
  hostname: values.hostname,
  port: portArgument(values.port, "port"),
  controlPort: portArgument(values["control-port"], "control-port"),
  stateDir: values["state-dir"],
});
console.log(
  `DC emulator: mtproto ${values.hostname}:${emulator.port}, control http://${values.hostname}:${emulator.controlPort}, public key ${emulator.publicKeyPath}`,
);

const stop = async () => {
  await emulator.close();
  Deno.exit(0);
};
Deno.addSignalListener("SIGINT", stop);
Deno.addSignalListener("SIGTERM", stop);
