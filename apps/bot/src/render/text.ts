/**
 * A reply as plain text, for the local console: embeds become headed blocks,
 * Discord timestamps become dates, and escapes are removed.
 */
import { formatUsDate, fromUnixSeconds } from '@cec/rules';
import type { Reply } from './payload.js';

function relative(seconds: number, now: Date): string {
  const days = Math.round((seconds * 1000 - now.getTime()) / 86_400_000);
  if (days === 0) return 'today';
  const abs = Math.abs(days);
  const amount =
    abs >= 60 ? `${Math.round(abs / 30.44)} months` : `${abs} day${abs === 1 ? '' : 's'}`;
  return days > 0 ? `in ${amount}` : `${amount} ago`;
}

/** Discord markup a terminal cannot show: timestamps, mentions, markdown escapes. */
export function plainMarkup(text: string, now: Date = new Date()): string {
  return text
    .replace(/<t:(-?\d+):D>/g, (_, s: string) => formatUsDate(fromUnixSeconds(Number(s))))
    .replace(/<t:(-?\d+):R>/g, (_, s: string) => relative(Number(s), now))
    .replace(/<@!?(\d+)>/g, '@$1')
    .replace(/<#(\d+)>/g, '#$1')
    .replace(/\[([^\]]+)\]\((\S+?)\)/g, '$1: $2')
    .replace(/\\([\\*_`~|<[\]])/g, '$1')
    .replace(/\u200b/g, '');
}

export function replyToText(reply: Reply, now: Date = new Date()): string {
  const blocks: string[] = [];
  if (reply.content) blocks.push(reply.content);
  for (const embed of reply.embeds ?? []) {
    const lines: string[] = [];
    if (embed.title) lines.push(`== ${embed.title} ==`);
    if (embed.url) lines.push(embed.url);
    if (embed.description) lines.push(embed.description);
    for (const field of embed.fields ?? []) {
      lines.push('', `${field.name}:`, ...field.value.split('\n').map((l) => `  ${l}`));
    }
    if (embed.footer) lines.push('', `(${embed.footer.text})`);
    blocks.push(lines.join('\n'));
  }
  const buttons = reply.buttons ?? [];
  if (buttons.length > 0) {
    const labels = buttons.map((b, i) =>
      b.url ? `[${b.label}] ${b.url}` : `[${i + 1}] ${b.label}`,
    );
    blocks.push(`${labels.join('   ')}\n(type "click <number>" to press a button)`);
  }
  for (const file of reply.files ?? []) {
    blocks.push(`--- ${file.name} (${file.description}) ---\n${file.content.trimEnd()}`);
  }
  if (reply.ephemeral) blocks.push('(private: only you would see this in Discord)');
  return plainMarkup(blocks.join('\n\n'), now).replace(/\*\*/g, '');
}
