/** Reads the endpoint a Client is given. */

/** The endpoint without a trailing slash; throws TypeError naming what to fix (never echoing the URL: it holds a secret). */
export function parseEndpoint(endpoint: string | URL): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new TypeError(
      "Invalid endpoint: expected a URL like http://localhost:8000/bot<TOKEN> or http://localhost:8000/<user-id>",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(
      `Invalid endpoint: expected an http: or https: URL, got ${url.protocol}`,
    );
  }
  if (url.search || url.hash) {
    throw new TypeError(
      "Invalid endpoint: it cannot have a query or fragment; give the client's URL only",
    );
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (path === "") {
    throw new TypeError(
      "Invalid endpoint: the path must name the client, as in /bot<TOKEN> or /<user-id>",
    );
  }
  return `${url.origin}${path}`;
}
