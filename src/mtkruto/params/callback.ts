/** MTKruto's CallbackQueryQuestion → the question fields of mtcute's getCallbackAnswer (methods.md §A.1, §B.8). */
import { readObject, readType, requiredString } from "./read.ts";

/** What a callback query asks: a game, a button's data, or a button's data guarded by the 2FA password. */
export interface CallbackQuestion {
  data?: string;
  game?: boolean;
  password?: string;
}

const QUESTION_TYPES = ["game", "button", "password"] as const;

/** `{type: "game"}`, `{type: "button", data}` or `{type: "password", data, password}` (data and password non-empty, as MTKruto checks). */
export function toCallbackQuestion(
  value: unknown,
  path: string,
): CallbackQuestion {
  const question = readObject(value, path);
  const type = readType(question, path, QUESTION_TYPES);
  switch (type) {
    case "game":
      return { game: true };
    case "button":
      return {
        data: requiredString(question, "data", path, { nonEmpty: true }),
      };
    case "password":
      return {
        data: requiredString(question, "data", path, { nonEmpty: true }),
        password: requiredString(question, "password", path, {
          nonEmpty: true,
        }),
      };
  }
}
