/** TL-JSON fixtures: the constructors a Telegram emulator sends, in canonical TL-JSON. */

/** A bigint wrapper. */
export const bigint = (value: string | number | bigint) => ({
  _: "bigint",
  value: String(value),
});
/** A bytes wrapper of these octets. */
export const bytes = (...octets: number[]) => ({
  _: "bytes",
  value: new Uint8Array(octets).toBase64(),
});
/** A `peerUser` constructor. */
export const peerUser = (id: number) => ({ _: "peerUser", user_id: id });

export const MESSAGE = {
  _: "message",
  out: true,
  id: 42,
  from_id: peerUser(1000),
  peer_id: peerUser(2000),
  reply_to: { _: "messageReplyHeader", reply_to_msg_id: 41 },
  date: 1700000000,
  message: "hello, world",
  entities: [{ _: "messageEntityBold", offset: 0, length: 5 }],
  grouped_id: bigint("-9223372036854775808"),
};

export const USER = {
  _: "user",
  self: true,
  bot: true,
  id: 1234567890123,
  access_hash: bigint("9223372036854775807"),
  first_name: "Bot",
  username: "some_bot",
  bot_info_version: 1,
  status: { _: "userStatusOnline", expires: 1700000100 },
};

export const STATE = {
  _: "updates.state",
  pts: 10,
  qts: 0,
  date: 1700000000,
  seq: 3,
  unread_count: 0,
};
export const PHOTO_SIZE = {
  _: "photoSize",
  type: "m",
  w: 320,
  h: 240,
  size: 12345,
};

export const CONSTRUCTORS: Record<string, unknown> = {
  user: USER,
  userEmpty: { _: "userEmpty", id: 7 },
  message: MESSAGE,
  messageService: {
    _: "messageService",
    id: 43,
    peer_id: peerUser(2000),
    date: 1700000001,
    action: { _: "messageActionPinMessage" },
  },
  peerUser: peerUser(-1),
  inputPeerUser: {
    _: "inputPeerUser",
    user_id: 1000,
    access_hash: bigint(-1n),
  },
  inputPeerSelf: { _: "inputPeerSelf" },
  updateNewMessage: {
    _: "updateNewMessage",
    message: MESSAGE,
    pts: 11,
    pts_count: 1,
  },
  updates: {
    _: "updates",
    updates: [{
      _: "updateNewMessage",
      message: MESSAGE,
      pts: 11,
      pts_count: 1,
    }],
    users: [USER],
    chats: [],
    date: 1700000000,
    seq: 0,
  },
  updateShortMessage: {
    _: "updateShortMessage",
    id: 44,
    user_id: 1000,
    message: "hi",
    pts: 12,
    pts_count: 1,
    date: 1700000002,
  },
  "updates.state": STATE,
  "updates.difference": {
    _: "updates.difference",
    new_messages: [MESSAGE],
    new_encrypted_messages: [],
    other_updates: [],
    chats: [],
    users: [USER],
    state: STATE,
  },
  // The brief calls it help.config; in layer 227 help.getConfig returns the constructor `config`.
  config: {
    _: "config",
    date: 1700000000,
    expires: 1700003600,
    test_mode: false,
    this_dc: 2,
    dc_options: [
      { _: "dcOption", id: 2, ip_address: "127.0.0.1", port: 4430 },
      {
        _: "dcOption",
        media_only: true,
        id: 2,
        ip_address: "::1",
        port: 4431,
        ipv6: true,
        secret: bytes(1, 2, 3),
      },
    ],
    dc_txt_domain_name: "example.org",
    chat_size_max: 200,
    megagroup_size_max: 200000,
    forwarded_count_max: 100,
    online_update_period_ms: 210000,
    offline_blur_timeout_ms: 5000,
    offline_idle_timeout_ms: 30000,
    online_cloud_timeout_ms: 300000,
    notify_cloud_delay_ms: 30000,
    notify_default_delay_ms: 1500,
    push_chat_period_ms: 60000,
    push_chat_limit: 2,
    edit_time_limit: 172800,
    revoke_time_limit: 2147483647,
    revoke_pm_time_limit: 2147483647,
    rating_e_decay: 2419200,
    stickers_recent_limit: 200,
    channels_read_media_period: 604800,
    call_receive_timeout_ms: 20000,
    call_ring_timeout_ms: 90000,
    call_connect_timeout_ms: 30000,
    call_packet_timeout_ms: 10000,
    me_url_prefix: "https://t.me/",
    caption_length_max: 1024,
    message_length_max: 4096,
    webfile_dc_id: 4,
    reactions_default: { _: "reactionEmoji", emoticon: "👍" },
  },
  "auth.authorization": { _: "auth.authorization", user: USER },
  messageEntityBold: { _: "messageEntityBold", offset: 1, length: 2 },
  document: {
    _: "document",
    id: bigint("5000000000000000001"),
    access_hash: bigint(-5),
    file_reference: bytes(0, 255, 7),
    date: 1700000000,
    mime_type: "application/pdf",
    size: 2 ** 40,
    thumbs: [PHOTO_SIZE],
    dc_id: 2,
    attributes: [{ _: "documentAttributeFilename", file_name: "a.pdf" }],
  },
  photo: {
    _: "photo",
    id: bigint(1),
    access_hash: bigint(2),
    file_reference: bytes(),
    date: 1700000000,
    sizes: [PHOTO_SIZE],
    dc_id: 2,
  },
  photoSize: PHOTO_SIZE,
  "upload.file": {
    _: "upload.file",
    type: { _: "storage.filePartial" },
    mtime: 0,
    bytes: bytes(0x52, 0x4f, 0x4a),
  },
  "account.password": {
    _: "account.password",
    has_password: true,
    current_algo: {
      _: "passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow",
      salt1: bytes(1),
      salt2: bytes(2),
      g: 3,
      p: bytes(4, 5),
    },
    srp_B: bytes(9, 9),
    srp_id: bigint("-9223372036854775807"),
    hint: "pet",
    new_algo: { _: "passwordKdfAlgoUnknown" },
    new_secure_algo: { _: "securePasswordKdfAlgoUnknown" },
    secure_random: bytes(6, 6, 6),
  },
  botCommand: {
    _: "botCommand",
    command: "start",
    description: "Start the bot",
  },
  // MTProto constructors: names without mtcute's `mt_`, int128 nonces, a bare vector.
  pong: { _: "pong", msg_id: bigint(1), ping_id: bigint("123456") },
  resPQ: {
    _: "resPQ",
    nonce: bytes(...Array(16).keys()),
    server_nonce: bytes(...Array(16).fill(7)),
    pq: bytes(0x17, 0xed, 0x48, 0x94, 0x1a, 0x08, 0xf9, 0x81),
    server_public_key_fingerprints: [bigint("-4344800451088585951")],
  },
};

/**
 * Server-only MTProto constructors: mtcute's writer passes the wrong arguments
 * to bare-vector items (`mt_future_salts`), so these skip the wire.
 */
export const UNWRITABLE_CONSTRUCTORS: Record<string, unknown> = {
  future_salts: {
    _: "future_salts",
    req_msg_id: bigint(9),
    now: 100,
    salts: [{
      _: "future_salt",
      valid_since: 100,
      valid_until: 200,
      salt: bigint(-2),
    }],
  },
};
