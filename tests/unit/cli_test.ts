import { assertEquals, assertThrows } from "../assert.ts";
import { CliError, parseCli } from "../../src/cli.ts";

const REQUIRED = ["--api-id", "123456", "--api-hash", "0123456789abcdef"];

Deno.test("parseCli() fills the documented defaults", () => {
  const command = parseCli(REQUIRED);
  assertEquals(command.kind, "serve");
  if (command.kind !== "serve") return;
  assertEquals(command.config, {
    apiId: 123456,
    apiHash: "0123456789abcdef",
    hostname: "0.0.0.0",
    port: 8000,
    workers: 1,
    statsPath: "/stats",
    statsToken: undefined,
    statsClientSeries: 0,
    addUser: false,
    dataDir: "mtkruto-data",
    dc: undefined,
    dcKeyPath: undefined,
    testMode: false,
    maxBodyBytes: 10485760,
    maxUploadBytes: 2147483648,
    maxJsonDepth: 64,
    requestTimeout: 60,
    pollTimeout: 60,
    idleTimeout: 900,
    fileGc: 16,
    logLevel: 1,
    headerTimeout: 10,
    keepAliveTimeout: 75,
    bodyTimeout: 30,
    maxConnections: undefined,
  });
});

Deno.test("parseCli() reads the slow-client flags, where 0 turns a limit off", () => {
  const command = parseCli([
    ...REQUIRED,
    "--header-timeout",
    "1",
    "--keepalive-timeout",
    "4",
    "--body-timeout=2",
    "--max-connections",
    "3",
  ]);
  if (command.kind !== "serve") throw new Error("expected serve");
  assertEquals(command.config.headerTimeout, 1);
  assertEquals(command.config.keepAliveTimeout, 4);
  assertEquals(command.config.bodyTimeout, 2);
  assertEquals(command.config.maxConnections, 3);
  const off = parseCli([
    ...REQUIRED,
    "--header-timeout",
    "0",
    "--keepalive-timeout",
    "0",
    "--body-timeout",
    "0",
    "--max-connections",
    "0",
  ]);
  if (off.kind !== "serve") throw new Error("expected serve");
  assertEquals(
    [
      off.config.headerTimeout,
      off.config.keepAliveTimeout,
      off.config.bodyTimeout,
      off.config.maxConnections,
    ],
    [0, 0, 0, 0],
  );
});

Deno.test("parseCli() reads every flag", () => {
  const command = parseCli([
    ...REQUIRED,
    "--port=9000",
    "--workers",
    "4",
    "--stats",
    "/ops/stats/",
    "--data-dir",
    "/tmp/x",
    "--dc",
    "127.0.0.1:4430",
    "--dc-key",
    "key.pem",
    "--test",
    "--hostname",
    "127.0.0.1",
    "--idle-timeout",
    "0",
    "--file-gc",
    "0",
    "--max-json-depth",
    "10",
    "--poll-timeout",
    "25",
  ]);
  if (command.kind !== "serve") throw new Error("expected serve");
  assertEquals(command.config.port, 9000);
  assertEquals(command.config.workers, 4);
  assertEquals(command.config.statsPath, "/ops/stats");
  assertEquals(command.config.dataDir, "/tmp/x");
  assertEquals(command.config.dc, { host: "127.0.0.1", port: 4430 });
  assertEquals(command.config.dcKeyPath, "key.pem");
  assertEquals(command.config.testMode, true);
  assertEquals(command.config.hostname, "127.0.0.1");
  assertEquals(command.config.idleTimeout, 0);
  assertEquals(command.config.fileGc, 0);
  assertEquals(command.config.maxJsonDepth, 10);
  assertEquals(command.config.pollTimeout, 25);
});

Deno.test("parseCli() reads --stats-token, which makes the stats private", () => {
  const command = parseCli([
    ...REQUIRED,
    "--stats-token",
    "0123456789abcdef0123",
  ]);
  if (command.kind !== "serve") throw new Error("expected serve");
  assertEquals(command.config.statsToken, "0123456789abcdef0123");
});

Deno.test("parseCli() reads --stats-client-series, the busiest clients with their own metrics", () => {
  for (const expected of [0, 25, 500]) {
    const command = parseCli([
      ...REQUIRED,
      "--stats-client-series",
      String(expected),
    ]);
    assertEquals(command.kind, "serve");
    if (command.kind !== "serve") return;
    assertEquals(command.config.statsClientSeries, expected);
  }
});

Deno.test("parseCli() never repeats a rejected --stats-token", () => {
  const secret = "not a valid token but a secret all the same";
  const error = assertThrows(
    () => parseCli([...REQUIRED, "--stats-token", secret]),
    CliError,
  );
  assertEquals(error.message.includes(secret), false);
  assertEquals(error.message.includes("secret"), false);
});

Deno.test("parseCli() recognises --add-user, --help and --version", () => {
  assertEquals(parseCli([...REQUIRED, "--add-user"]).kind, "add-user");
  assertEquals(parseCli(["--help"]).kind, "help");
  assertEquals(parseCli(["--version"]).kind, "version");
});

const USER_ID = "userAbCdEfGhIjKlMnOpQrStUvWxYz012345";

Deno.test("parseCli() reads --list-users without API credentials", () => {
  assertEquals(parseCli(["--list-users"]), {
    kind: "list-users",
    dataDir: "mtkruto-data",
  });
  assertEquals(parseCli(["--list-users", "--data-dir", "/srv/d"]), {
    kind: "list-users",
    dataDir: "/srv/d",
  });
});

Deno.test("parseCli() reads --remove-user as an id or an endpoint path, and --force", () => {
  for (const raw of [USER_ID, `/${USER_ID}`, `/${USER_ID}/`]) {
    const command = parseCli([...REQUIRED, "--remove-user", raw]);
    if (command.kind !== "remove-user") throw new Error("expected remove-user");
    assertEquals(command.userId, USER_ID);
    assertEquals(command.force, false);
  }
  const forced = parseCli([...REQUIRED, "--remove-user", USER_ID, "--force"]);
  assertEquals(forced.kind === "remove-user" && forced.force, true);
});

Deno.test("parseCli() does not repeat a rejected --remove-user value", () => {
  const secret = "userSecretButMalformed!!!!!!!!!!!!!";
  const error = assertThrows(
    () => parseCli([...REQUIRED, "--remove-user", secret]),
    CliError,
  );
  assertEquals(error.message.includes(secret), false);
});

for (
  const [name, argv, message] of [
    ["a missing --api-id", ["--api-hash", "x"], /Missing --api-id/],
    ["a missing --api-hash", ["--api-id", "1"], /Missing --api-hash/],
    [
      "a non-numeric --api-id",
      ["--api-id", "abc", "--api-hash", "x"],
      /Invalid --api-id: expected an integer/,
    ],
    [
      "a zero --api-id",
      ["--api-id", "0", "--api-hash", "x"],
      /Invalid --api-id/,
    ],
    [
      "--workers 0",
      [...REQUIRED, "--workers", "0"],
      /Invalid --workers: expected an integer from 1 to 64, got "0"/,
    ],
    ["--workers 65", [...REQUIRED, "--workers", "65"], /Invalid --workers/],
    ["a port out of range", [...REQUIRED, "--port", "70000"], /Invalid --port/],
    [
      "a --dc without a port",
      [...REQUIRED, "--dc", "localhost"],
      /Invalid --dc: expected HOST:PORT/,
    ],
    [
      "--dc-key without --dc",
      [...REQUIRED, "--dc-key", "k.pem"],
      /--dc-key: it only makes sense together with --dc/,
    ],
    [
      "a relative --stats path",
      [...REQUIRED, "--stats", "stats"],
      /Invalid --stats/,
    ],
    [
      "a --stats-token shorter than 16 characters",
      [...REQUIRED, "--stats-token", "short-token"],
      /^Invalid --stats-token: expected 16 to 256 visible ASCII characters without spaces .*got 11 character\(s\)$/,
    ],
    [
      "a --stats-token with a space",
      [...REQUIRED, "--stats-token", "correct horse battery staple"],
      /^Invalid --stats-token/,
    ],
    [
      "a --stats-client-series past the largest page",
      [...REQUIRED, "--stats-client-series", "501"],
      /^Invalid --stats-client-series: expected an integer from 0 to 500, got "501"$/,
    ],
    [
      "a --stats-client-series that is no number",
      [...REQUIRED, "--stats-client-series", "all"],
      /^Invalid --stats-client-series: expected an integer from 0 to 500, got "all"$/,
    ],
    [
      "a negative --idle-timeout",
      [...REQUIRED, "--idle-timeout=-1"],
      /Invalid --idle-timeout: expected an integer from 0 to 604800/,
    ],
    [
      "a --poll-timeout of 0",
      [...REQUIRED, "--poll-timeout", "0"],
      /^Invalid --poll-timeout: expected an integer from 1 to 600, got "0"$/,
    ],
    [
      "a --poll-timeout over the longest poll",
      [...REQUIRED, "--poll-timeout", "601"],
      /^Invalid --poll-timeout: expected an integer from 1 to 600, got "601"$/,
    ],
    [
      "a fractional --file-gc",
      [...REQUIRED, "--file-gc", "1.5"],
      /Invalid --file-gc: expected an integer from 0 to 1024/,
    ],
    [
      "a --header-timeout over an hour",
      [...REQUIRED, "--header-timeout", "3601"],
      /^Invalid --header-timeout: expected an integer from 0 to 3600, got "3601"$/,
    ],
    [
      "a --keepalive-timeout that is not a number",
      [...REQUIRED, "--keepalive-timeout", "long"],
      /^Invalid --keepalive-timeout: expected an integer from 0 to 3600, got "long"$/,
    ],
    [
      "a fractional --body-timeout",
      [...REQUIRED, "--body-timeout", "0.5"],
      /^Invalid --body-timeout: expected an integer from 0 to 3600, got "0.5"$/,
    ],
    [
      "a negative --max-connections",
      [...REQUIRED, "--max-connections=-1"],
      /^Invalid --max-connections: expected an integer from 0 to 1000000, got "-1"$/,
    ],
    [
      "a --max-connections without a value",
      [...REQUIRED, "--max-connections"],
      /max-connections/,
    ],
    ["an unknown flag", [...REQUIRED, "--frobnicate"], /frobnicate/],
    [
      "two user commands at once",
      [...REQUIRED, "--add-user", "--list-users"],
      /Conflicting flags --add-user and --list-users/,
    ],
    [
      "--force without --remove-user",
      [...REQUIRED, "--force"],
      /Invalid --force: it only makes sense together with --remove-user/,
    ],
    [
      "a malformed --remove-user",
      [...REQUIRED, "--remove-user", "userShort"],
      /^Invalid --remove-user: expected a user id as printed by --add-user or --list-users/,
    ],
    [
      "--remove-user without --api-id",
      ["--api-hash", "x", "--remove-user", USER_ID],
      /Missing --api-id/,
    ],
  ] as const
) {
  Deno.test(`parseCli() rejects ${name}`, () => {
    const error = assertThrows(() => parseCli([...argv]), CliError);
    if (!message.test((error as Error).message)) {
      throw new Error(
        `message ${
          JSON.stringify((error as Error).message)
        } does not match ${message}`,
      );
    }
  });
}
