/** The error every parse mode throws for malformed markup, worded like Telegram's "Can't parse entities: …". */
import { InputError } from "../../errors.ts";

/** An InputError for markup that cannot be read; `problem` says what and at which offset. */
export function entityError(problem: string): InputError {
  return new InputError(`Can't parse entities: ${problem}`);
}
