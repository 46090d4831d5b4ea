/** Starts the DC emulator: the MTProto server over the world, and the control API over HTTP. */
import { join } from "node:path";
import {
  type Control,
  createControl,
  createControlHandler,
} from "./control.ts";
import { startMtprotoServer } from "./protocol/server.ts";
import { loadOrCreateRsaKey } from "./protocol/rsa_key.ts";
import { World } from "./world/world.ts";

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** Where both servers listen; default `127.0.0.1`. */
  hostname?: string;
  /** MTProto port; 0 (default) picks a free one. */
  port?: number;
  /** Control API port; 0 (default) picks a free one, `false` starts no HTTP server. */
  controlPort?: number | false;
  /** Where the RSA key is kept (`private.pem`, `public.pem`); without it the key lives in memory only. */
  stateDir?: string;
}

/** Listening failed on one of the emulator's ports; `option` says which, `cause` why. */
export class EmulatorListenError extends Error {
  override name = "EmulatorListenError";
  constructor(
    readonly option: "port" | "controlPort",
    readonly port: number,
    cause: unknown,
  ) {
    super(`Cannot listen on ${option} ${port}: ${cause}`, { cause });
  }
}

/** A running emulator. */
export interface Emulator {
  readonly port: number;
  readonly controlPort?: number;
  /** The public key clients must trust (PKCS#1 PEM). */
  readonly publicKeyPem: string;
  readonly publicKeyPath?: string;
  readonly control: Control;
  readonly world: World;
  close(): Promise<void>;
}

/** Starts an emulator; close it when done. */
export async function startEmulator(
  options: EmulatorOptions = {},
): Promise<Emulator> {
  const hostname = options.hostname ?? "127.0.0.1";
  const rsa = await loadOrCreateRsaKey(options.stateDir);
  const world = new World();
  const port = options.port ?? 0;
  let mtproto;
  try {
    mtproto = await startMtprotoServer({ hostname, port, rsa, handler: world });
  } catch (error) {
    throw new EmulatorListenError("port", port, error);
  }
  // clients cannot connect to a wildcard address, so the config names loopback instead
  const advertised = hostname === "0.0.0.0" ? "127.0.0.1" : hostname;
  world.setDcAddress(advertised, mtproto.port);
  const control = createControl(world);
  let http: Deno.HttpServer<Deno.NetAddr> | undefined;
  if (options.controlPort !== false) {
    const controlPort = options.controlPort ?? 0;
    try {
      http = Deno.serve(
        { hostname, port: controlPort, onListen: () => {} },
        createControlHandler(control),
      );
    } catch (error) {
      await mtproto.close();
      throw new EmulatorListenError("controlPort", controlPort, error);
    }
  }
  return {
    port: mtproto.port,
    controlPort: http?.addr.port,
    publicKeyPem: rsa.publicKeyPem,
    publicKeyPath: options.stateDir
      ? join(options.stateDir, "public.pem")
      : undefined,
    control,
    world,
    async close() {
      await Promise.all([mtproto.close(), http?.shutdown()]);
    },
  };
}
