/**
 * Keeps any reply inside Discord's size limits, so a member with a long
 * history gets a shortened answer instead of an API error.
 */
import { truncate } from './format.js';
import { type Embed, LIMITS, type Reply } from './payload.js';

function embedLength(embed: Embed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function clampEmbed(embed: Embed): Embed {
  return {
    ...embed,
    ...(embed.title !== undefined ? { title: truncate(embed.title, LIMITS.embedTitle) } : {}),
    ...(embed.description !== undefined
      ? { description: truncate(embed.description, LIMITS.embedDescription) }
      : {}),
    ...(embed.fields
      ? {
          fields: embed.fields.slice(0, LIMITS.fields).map((f) => ({
            ...f,
            name: truncate(f.name, LIMITS.fieldName),
            value: truncate(f.value || '—', LIMITS.fieldValue),
          })),
        }
      : {}),
  };
}

export function fitReply(reply: Reply): Reply {
  const embeds = (reply.embeds ?? []).slice(0, LIMITS.embeds).map(clampEmbed);
  let total = embeds.reduce((sum, e) => sum + embedLength(e), 0);
  // Shorten the longest field until the whole message fits; fields are lists, so their tails go first.
  while (total > LIMITS.embedTotal) {
    let longest: { embed: Embed; index: number; length: number } | null = null;
    for (const embed of embeds) {
      (embed.fields ?? []).forEach((field, index) => {
        if (!longest || field.value.length > longest.length) {
          longest = { embed, index, length: field.value.length };
        }
      });
    }
    const target = longest as { embed: Embed; index: number; length: number } | null;
    const field = target?.embed.fields?.[target.index];
    if (!target || !field || field.value.length <= 40) break;
    const shorter = truncate(field.value, Math.floor(field.value.length / 2));
    total -= field.value.length - shorter.length;
    field.value = shorter;
  }
  return {
    ...reply,
    ...(reply.content !== undefined ? { content: truncate(reply.content, LIMITS.content) } : {}),
    ...(reply.embeds ? { embeds } : {}),
  };
}
