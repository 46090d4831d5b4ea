/**
 * Objects of types.md §16 (hand-written newest-MTKruto samples) that the
 * fixtures of _mtkruto_fixtures.ts render to, key order as in the samples.
 */

/** §16.1 `message.chat` (and `from`): Ada as a ChatP. */
export const ADA_CHATP = {
  id: 123456789,
  type: "private",
  isBot: false,
  color: 1,
  firstName: "Ada",
  lastName: "Lovelace",
  username: "ada",
  languageCode: "en",
  status: { type: "lastSeenRecently" },
  isSelf: false,
  isDeleted: false,
  isContact: false,
  isMutualContact: false,
  isCloseFriend: false,
  isScam: false,
  isFake: false,
  isPremium: false,
  isVerified: false,
  isSupport: false,
  isRestricted: false,
};

/** §16.2 `callbackQuery.from`: Ada as a User. */
export const ADA_USER = {
  id: 123456789,
  color: 1,
  isBot: false,
  firstName: "Ada",
  lastName: "Lovelace",
  username: "ada",
  status: { type: "lastSeenRecently" },
  languageCode: "en",
  isSelf: false,
  isDeleted: false,
  isContact: false,
  isMutualContact: false,
  isCloseFriend: false,
  isScam: false,
  isFake: false,
  isPremium: false,
  isVerified: false,
  isSupport: false,
  isRestricted: false,
};

/** §16.2 `callbackQuery.message.from`: the own bot as a ChatP. */
export const POLL_BOT_CHATP = {
  id: 6123456789,
  type: "private",
  isBot: true,
  color: 2,
  firstName: "Poll Bot",
  username: "example_poll_bot",
  isSelf: true,
  isDeleted: false,
  isContact: false,
  isMutualContact: false,
  isCloseFriend: false,
  isScam: false,
  isFake: false,
  isPremium: false,
  isVerified: false,
  isSupport: false,
  isRestricted: false,
  isAddedToAttachmentsMenu: false,
  hasMainMiniApp: false,
  isGuestQuerySupported: false,
};

/** §16.3 `chat`: the public supergroup. */
export const EXAMPLE_SUPERGROUP_CHATP = {
  id: -1001234567890,
  color: 1,
  type: "supergroup",
  title: "Example Group",
  isScam: false,
  isFake: false,
  isVerified: false,
  isRestricted: false,
  isForum: false,
  isDirectMessagesChat: false,
  username: "examplegroup",
};

/** §16.3 `from`: Ada without status and language. */
export const ADA_CHATP_PLAIN = {
  id: 123456789,
  type: "private",
  isBot: false,
  color: 1,
  firstName: "Ada",
  lastName: "Lovelace",
  username: "ada",
  isSelf: false,
  isDeleted: false,
  isContact: false,
  isMutualContact: false,
  isCloseFriend: false,
  isScam: false,
  isFake: false,
  isPremium: false,
  isVerified: false,
  isSupport: false,
  isRestricted: false,
};

/** §16.3 `photo`. */
export const SAMPLE_PHOTO = {
  fileId:
    "AgACAgQAAxUCAAIOVWf4osHS4_QFFic4Saq7zO4AAsG603LfhN9L1kkyot8tmSsBAAMCAAN5AAM0BA",
  fileUniqueId: "AQADwbrTct-E30t-",
  width: 1280,
  height: 960,
  fileSize: 120345,
  thumbnails: [
    {
      fileId:
        "AgACAgQAAxUCAAIOVWf4osHS4_QFFic4Saq7zO4AAsG603LfhN9L1kkyot8tmSsBAAMCAANzAAM0BA",
      fileUniqueId: "AQADwbrTct-E30t4",
      width: 90,
      height: 68,
      fileSize: 1212,
    },
    {
      fileId:
        "AgACAgQAAxUCAAIOVWf4osHS4_QFFic4Saq7zO4AAsG603LfhN9L1kkyot8tmSsBAAMCAANtAAM0BA",
      fileUniqueId: "AQADwbrTct-E30ty",
      width: 320,
      height: 240,
      fileSize: 15034,
    },
    {
      fileId:
        "AgACAgQAAxUCAAIOVWf4osHS4_QFFic4Saq7zO4AAsG603LfhN9L1kkyot8tmSsBAAMCAAN4AAM0BA",
      fileUniqueId: "AQADwbrTct-E30t9",
      width: 800,
      height: 600,
      fileSize: 61877,
    },
  ],
};
