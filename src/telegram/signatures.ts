/**
 * The signatures of mtcute's `TelegramClient` methods, read from the
 * declaration file mtcute ships: the one description of their parameters
 * that stays true when mtcute changes, so it is read rather than copied.
 */
import { tokenize, TypeReader } from "./ts_types.ts";
import type { TsType } from "./ts_types.ts";

/** One parameter of a method. */
export interface Parameter {
  name: string;
  optional: boolean;
  /** A rest parameter (`...items`), which takes the remaining arguments. */
  rest: boolean;
  type: TsType;
}

/** A method's parameters in order; a method with overloads has one list per overload. */
export type Signatures = ReadonlyMap<string, Parameter[][]>;

/** Reads every method signature of the `TelegramClient` interface in `declarations`. */
export function readSignatures(declarations: string): Signatures {
  const start = declarations.indexOf("export interface TelegramClient ");
  if (start === -1) throw new Error("no TelegramClient interface found");
  const open = declarations.indexOf("{", start);
  const reader = new TypeReader(tokenize(declarations.slice(open + 1)));
  const signatures = new Map<string, Parameter[][]>();
  while (reader.peek() !== undefined && reader.peek() !== "}") {
    if (reader.peek() === "readonly") reader.take();
    const name = reader.take();
    if (reader.peek() === "?") reader.take();
    reader.skipTypeParameters();
    if (reader.peek() === "(") {
      const parameters = readParameters(reader);
      reader.take(":");
      reader.parseType();
      const overloads = signatures.get(name) ?? [];
      overloads.push(parameters);
      signatures.set(name, overloads);
    } else {
      reader.take(":");
      reader.parseType();
    }
    if (reader.peek() === ";") reader.take();
  }
  return signatures;
}

function readParameters(reader: TypeReader): Parameter[] {
  const parameters: Parameter[] = [];
  reader.take("(");
  while (reader.peek() !== ")") {
    const rest = reader.peek() === "...";
    if (rest) reader.take();
    const name = reader.take();
    const optional = reader.peek() === "?";
    if (optional) reader.take();
    reader.take(":");
    parameters.push({ name, optional, rest, type: reader.parseType() });
    if (reader.peek() === ",") reader.take();
  }
  reader.take(")");
  return parameters;
}

let loaded: Signatures | undefined;

/** mtcute's method signatures, read once per thread from its `client.d.ts`. */
export function mtcuteSignatures(): Signatures {
  if (!loaded) {
    const entry = import.meta.resolve("@mtcute/core");
    const declarations = new URL("./highlevel/client.d.ts", entry);
    loaded = readSignatures(Deno.readTextFileSync(declarations));
  }
  return loaded;
}
