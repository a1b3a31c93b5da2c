/** Permission bits the fake needs to compute member and app permissions. */

export const Permission = {
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  UseApplicationCommands: 1n << 31n,
} as const;

/** Every permission bit Discord currently defines (up to bit 50). */
export const ALL_PERMISSIONS = (1n << 51n) - 1n;

/** What @everyone gets in a new guild (the part of Discord's defaults a bot meets). */
export const DEFAULT_EVERYONE_PERMISSIONS =
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands;

/** What the bot's managed role adds. */
export const DEFAULT_BOT_PERMISSIONS = DEFAULT_EVERYONE_PERMISSIONS | Permission.ManageMessages;

/** Administrator implies every permission. */
export function effective(bits: bigint): bigint {
  return (bits & Permission.Administrator) !== 0n ? ALL_PERMISSIONS : bits;
}
