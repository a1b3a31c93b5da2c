/**
 * Permissions inside one channel, as Discord computes them: the member's guild permissions,
 * then the channel's overwrites (@everyone, then roles, then the member). Posting checks them.
 */
import { effective, Permission } from './permissions.js';
import type { FakeChannel, FakeGuild } from './state.js';
import { asObject, asString } from './util.js';

/** A channel permission overwrite: type 0 a role (or @everyone, id = guild id), 1 a member. */
export interface FakeOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

function overwritesOf(channel: FakeChannel): FakeOverwrite[] {
  return (channel.permission_overwrites ?? []).map((raw) => {
    const o = asObject(raw);
    return {
      id: asString(o.id) ?? '',
      type: o.type === 1 ? 1 : 0,
      allow: asString(o.allow) ?? '0',
      deny: asString(o.deny) ?? '0',
    };
  });
}

export function channelPermissions(guild: FakeGuild, channel: FakeChannel, userId: string): bigint {
  const base = guild.permissionsOf(userId);
  if ((base & Permission.Administrator) !== 0n) return base;
  const overwrites = overwritesOf(channel);
  const apply = (bits: bigint, o: { allow: bigint; deny: bigint }) => (bits & ~o.deny) | o.allow;
  const bitsOf = (o: FakeOverwrite) => ({ allow: BigInt(o.allow), deny: BigInt(o.deny) });
  let bits = base;
  const everyone = overwrites.find((o) => o.type === 0 && o.id === guild.id);
  if (everyone) bits = apply(bits, bitsOf(everyone));
  const roles = new Set(guild.members.get(userId)?.roles ?? []);
  const roleOverwrites = overwrites.filter((o) => o.type === 0 && roles.has(o.id));
  bits = apply(bits, {
    allow: roleOverwrites.reduce((all, o) => all | BigInt(o.allow), 0n),
    deny: roleOverwrites.reduce((all, o) => all | BigInt(o.deny), 0n),
  });
  const own = overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own) bits = apply(bits, bitsOf(own));
  return effective(bits);
}

/**
 * Sets (replaces) one overwrite on a channel, as a moderator editing the channel would. The
 * bot's cached copy changes only if it is set before the bot logs in (no CHANNEL_UPDATE is sent).
 */
export function setPermissionOverwrite(
  channel: FakeChannel,
  target: { id: string; type: 0 | 1 },
  bits: { allow?: bigint; deny?: bigint },
): void {
  const rest = overwritesOf(channel).filter((o) => o.id !== target.id);
  channel.permission_overwrites = [
    ...rest,
    { ...target, allow: String(bits.allow ?? 0n), deny: String(bits.deny ?? 0n) },
  ];
}
