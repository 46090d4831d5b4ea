/** The HMAC-SHA256 signature of webhook deliveries (documented in docs/updates.md). */

/** Header names of a webhook delivery. */
export const WEBHOOK_HEADERS = {
  secretToken: "x-mtkruto-secret-token",
  timestamp: "x-mtkruto-timestamp",
  signature: "x-mtkruto-signature",
} as const;

const encoder = new TextEncoder();

/** `sha256=<hex of HMAC-SHA256(key = secret, message = "<timestamp>.<body>")>`. */
export async function signDelivery(
  secret: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    [
      "sign",
    ],
  );
  const mac = await crypto.subtle.sign(
    "HMAC",
    key,
    encoder.encode(`${timestamp}.${body}`),
  );
  return `sha256=${new Uint8Array(mac).toHex()}`;
}
