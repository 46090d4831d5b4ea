/** One-line explanations of why a port could not be listened on, naming the flag that chose it. */

/** The flags that chose the address, as the user typed them (e.g. `--port`). */
export interface ListenFlags {
  portFlag: string;
  port: number;
  hostnameFlag?: string;
  hostname?: string;
}

/**
 * What to tell the user when listening failed with `error`, or undefined if
 * it is not one of the mistakes a flag can cause (then it is a bug to report
 * with its stack). Never throws.
 */
export function describeListenError(
  error: unknown,
  flags: ListenFlags,
): string | undefined {
  const { portFlag, port, hostnameFlag = "--hostname", hostname } = flags;
  if (error instanceof Deno.errors.AddrInUse) {
    return `${portFlag} ${port} is already in use (address in use)`;
  }
  if (error instanceof Deno.errors.PermissionDenied) {
    return `${portFlag} ${port} may not be listened on by this user (permission denied)`;
  }
  if (error instanceof Deno.errors.AddrNotAvailable && hostname !== undefined) {
    return `${hostnameFlag} ${hostname} is not an address of this machine (address not available)`;
  }
  return undefined;
}
