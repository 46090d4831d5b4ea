/** Why an operator command (`--add-user`, `--remove-user`) stopped, with the exit status to return. */

/** A failure explained to the operator; the message is safe to print (it holds no secret). */
export class CommandError extends Error {
  override name = "CommandError";
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Ctrl-C (or SIGINT/SIGTERM/SIGHUP): exits with 130, as shells expect after an interrupt. */
export class InterruptedError extends CommandError {
  override name = "InterruptedError";
  constructor() {
    super("Interrupted; nothing was saved.", 130);
  }
}

/** Standard input ended (Ctrl-D, a closed pipe) before the login finished. */
export class EndOfInputError extends CommandError {
  override name = "EndOfInputError";
  constructor() {
    super("Input ended before the login finished; nothing was saved.", 1);
  }
}
