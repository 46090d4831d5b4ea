/** The server's version, printed by `--version` and sent to Telegram as the app version. */
export const VERSION = "0.1.0";
