/**
 * A reader for the TypeScript type expressions in mtcute's declaration files,
 * enough to check JSON arguments against them: keywords, literals, arrays,
 * unions, intersections, object literals and named types with type arguments.
 * Whatever else TypeScript can say (function types, `typeof`, indexed or
 * conditional types, tuples) reads as `unknown`, which accepts any value.
 */

/** A parsed type expression. */
export type TsType =
  | { kind: "keyword"; name: string }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "array"; item: TsType }
  | { kind: "union"; members: TsType[] }
  | { kind: "intersection"; members: TsType[] }
  | { kind: "object"; fields: Map<string, TsField> }
  | { kind: "ref"; name: string; args: TsType[] }
  | { kind: "unknown" };

/** A field of an object literal type. */
export interface TsField {
  optional: boolean;
  type: TsType;
}

const UNKNOWN: TsType = { kind: "unknown" };
const KEYWORDS = new Set([
  "string",
  "number",
  "boolean",
  "bigint",
  "null",
  "undefined",
  "void",
  "never",
  "any",
  "unknown",
  "object",
  "true",
  "false",
]);

const TOKEN =
  /\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*|(=>|\.\.\.|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|-?\d+(?:\.\d+)?|[^\s])/y;

/** Splits `source` into tokens, leaving out whitespace and comments. */
export function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const match = TOKEN.exec(source);
    if (!match) break;
    if (match[1] !== undefined) tokens.push(match[1]);
  }
  return tokens;
}

/** Reads tokens into types; every `parse…` method leaves the cursor after what it read. */
export class TypeReader {
  #at = 0;
  constructor(private readonly tokens: string[]) {}

  /** The token at the cursor (undefined at the end). */
  peek(offset = 0): string | undefined {
    return this.tokens[this.#at + offset];
  }

  /** Moves past the current token, which must be `expected` when given. */
  take(expected?: string): string {
    const token = this.tokens[this.#at];
    if (expected !== undefined && token !== expected) {
      throw new SyntaxError(`expected ${expected}, found ${token}`);
    }
    this.#at++;
    return token;
  }

  /** Reads a whole type: a union of intersections. */
  parseType(): TsType {
    if (this.peek() === "|") this.take();
    const members = [this.#parseIntersection()];
    while (this.peek() === "|") {
      this.take();
      members.push(this.#parseIntersection());
    }
    if (this.peek() === "extends") return this.#skipConditional();
    return members.length === 1 ? members[0] : { kind: "union", members };
  }

  /** `A extends B ? C : D` says too little to check against: its branches are skipped. */
  #skipConditional(): TsType {
    this.take("extends");
    this.parseType();
    this.take("?");
    this.parseType();
    this.take(":");
    this.parseType();
    return UNKNOWN;
  }

  #parseIntersection(): TsType {
    if (this.peek() === "&") this.take();
    const members = [this.#parsePostfix()];
    while (this.peek() === "&") {
      this.take();
      members.push(this.#parsePostfix());
    }
    return members.length === 1
      ? members[0]
      : { kind: "intersection", members };
  }

  #parsePostfix(): TsType {
    let type = this.#parsePrimary();
    while (this.peek() === "[") {
      this.take();
      if (this.peek() === "]") {
        this.take();
        type = { kind: "array", item: type };
      } else {
        // An indexed access type, `T["field"]` or `T[2]`.
        this.parseType();
        this.take("]");
        type = UNKNOWN;
      }
    }
    return type;
  }

  #parsePrimary(): TsType {
    const token = this.take();
    if (token === "(") {
      if (this.#atFunctionParameters()) return this.#skipFunction();
      const inner = this.parseType();
      this.take(")");
      return inner;
    }
    if (token === "{") return this.#parseObject();
    if (token === "[") return this.#skipTuple();
    if (token === "typeof" || token === "keyof" || token === "readonly") {
      this.#parsePostfix();
      return UNKNOWN;
    }
    if (token === "import") {
      // `import('module').Name`: a type from another module.
      this.take("(");
      this.take();
      this.take(")");
      while (this.peek() === ".") {
        this.take();
        this.take();
      }
      return UNKNOWN;
    }
    if (token === "new") {
      this.take("(");
      return this.#skipFunction();
    }
    if (/^['"]/.test(token)) {
      return { kind: "literal", value: token.slice(1, -1) };
    }
    if (token.startsWith("`")) return { kind: "keyword", name: "string" };
    if (/^-?\d/.test(token)) return { kind: "literal", value: Number(token) };
    if (token === "true" || token === "false") {
      return { kind: "literal", value: token === "true" };
    }
    if (KEYWORDS.has(token)) return { kind: "keyword", name: token };
    if (!/^[A-Za-z_$]/.test(token)) {
      throw new SyntaxError(`unexpected ${token}`);
    }
    const args: TsType[] = [];
    if (this.peek() === "<") {
      this.take();
      args.push(this.parseType());
      while (this.peek() === ",") {
        this.take();
        args.push(this.parseType());
      }
      this.take(">");
    }
    return { kind: "ref", name: token, args };
  }

  /** Whether the `(` just read opens a function type's parameters rather than a parenthesised type. */
  #atFunctionParameters(): boolean {
    const next = this.peek();
    if (next === ")" || next === "...") return true;
    return /^[A-Za-z_$]/.test(next ?? "") &&
      (this.peek(1) === ":" || this.peek(1) === "?" || this.peek(1) === ",");
  }

  /** Skips the rest of `(params) => Result`. */
  #skipFunction(): TsType {
    this.#skipUntilClosing(")");
    this.take("=>");
    this.parseType();
    return UNKNOWN;
  }

  #skipTuple(): TsType {
    this.#skipUntilClosing("]");
    return UNKNOWN;
  }

  /** Moves past the bracket that closes the one just opened. */
  #skipUntilClosing(closing: string): void {
    let depth = 1;
    while (depth > 0) {
      const token = this.take();
      if (token === undefined) throw new SyntaxError("unbalanced brackets");
      if (token === "(" || token === "[" || token === "{") depth++;
      else if (token === ")" || token === "]" || token === "}") depth--;
    }
    const closed = this.tokens[this.#at - 1];
    if (closed !== closing) throw new SyntaxError(`expected ${closing}`);
  }

  #parseObject(): TsType {
    const fields = new Map<string, TsField>();
    while (this.peek() !== "}") {
      if (this.peek() === "readonly") this.take();
      if (this.peek() === "[") {
        // An index signature: `[key: string]: T`.
        this.take();
        this.#skipUntilClosing("]");
        this.take(":");
        this.parseType();
      } else {
        let name = this.take();
        if (/^['"]/.test(name)) name = name.slice(1, -1);
        const optional = this.peek() === "?";
        if (optional) this.take();
        if (this.peek() === "(" || this.peek() === "<") {
          this.#skipMethod();
        } else {
          this.take(":");
          fields.set(name, { optional, type: this.parseType() });
        }
      }
      if (this.peek() === ";" || this.peek() === ",") this.take();
    }
    this.take("}");
    return { kind: "object", fields };
  }

  /** Skips a method signature in an object type: `name(params): Result`. */
  #skipMethod(): void {
    if (this.peek() === "<") {
      this.take();
      this.#skipAngles();
    }
    this.take("(");
    this.#skipUntilClosing(")");
    this.take(":");
    this.parseType();
  }

  #skipAngles(): void {
    let depth = 1;
    while (depth > 0) {
      const token = this.take();
      if (token === undefined) throw new SyntaxError("unbalanced <>");
      if (token === "<") depth++;
      else if (token === ">") depth--;
    }
  }

  /** Skips type parameters `<T extends …>` if the cursor is at one. */
  skipTypeParameters(): void {
    if (this.peek() !== "<") return;
    this.take();
    this.#skipAngles();
  }
}

/** Parses one type expression; anything it cannot read is `unknown`. Never throws. */
export function parseTsType(source: string): TsType {
  try {
    const reader = new TypeReader(tokenize(source));
    const type = reader.parseType();
    return reader.peek() === undefined ? type : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}
