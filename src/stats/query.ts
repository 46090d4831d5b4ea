/**
 * The stats' paging and filter parameters: `?limit=&offset=&q=` on the HTML
 * page and the JSON. Bad values are input errors that name the parameter.
 */
import { InputError } from "../errors.ts";
import type { ClientQuery } from "./snapshot.ts";

/** Clients listed when `?limit=` is absent. */
export const DEFAULT_CLIENT_LIMIT = 100;
/** Most clients one response lists: past this, building the rows is what a stats response costs. */
export const MAX_CLIENT_LIMIT = 500;
/** Longest `?q=` filter, in characters. */
export const MAX_FILTER_LENGTH = 100;

/** `raw` as shown in an error message: quoted, and cut short. */
function shown(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

function wholeNumber(
  params: URLSearchParams,
  name: string,
  fallback: number,
  max: number,
): number {
  const raw = params.get(name);
  // An empty value is an empty form field: the default.
  if (raw === null || raw === "") return fallback;
  const value = /^[0-9]{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!(value <= max)) {
    throw new InputError(
      `Invalid stats parameter ${name}: expected a whole number from 0 to ${max}, got ${
        shown(raw)
      }`,
    );
  }
  return value;
}

/** The clients a stats request asks for. Throws InputError for a bad `limit`, `offset` or `q`. */
export function parseClientQuery(url: URL): Required<ClientQuery> {
  const params = url.searchParams;
  const filter = params.get("q")?.trim() ?? "";
  if (filter.length > MAX_FILTER_LENGTH) {
    throw new InputError(
      `Invalid stats parameter q: expected at most ${MAX_FILTER_LENGTH} characters, got ${filter.length}`,
    );
  }
  return {
    limit: wholeNumber(params, "limit", DEFAULT_CLIENT_LIMIT, MAX_CLIENT_LIMIT),
    offset: wholeNumber(params, "offset", 0, Number.MAX_SAFE_INTEGER),
    filter,
  };
}
