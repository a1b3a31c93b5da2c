/** Handlers on plain data: an in-memory store, a fixed day, and inputs built like Discord's. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommandContext } from '../../src/commands/context.js';
import { findCommand } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import type {
  CommandContext,
  CommandInput,
  DiscordActions,
  OptionValue,
} from '../../src/commands/types.js';
import type { Person } from '../../src/members/person.js';
import { openStore } from '../../src/store/index.js';

export const NOW = new Date('2026-06-01T12:00:00Z');

export const ALICE: Person = { id: '200000000000000001', name: 'Alice' };
export const BOB: Person = { id: '200000000000000002', name: 'Bob' };
export const GUILD = '300000000000000001';

/** Every post succeeds and everyone stays: posting and leaving are tested through the fake Discord. */
export const AGREEABLE_DISCORD: DiscordActions = {
  post: async () => ({ posted: true }),
  isServerMember: async () => true,
};

export async function memoryContext(): Promise<CommandContext> {
  const store = await openStore(':memory:', { now: () => NOW });
  return createCommandContext({
    store,
    discord: AGREEABLE_DISCORD,
    siteUrl: 'https://cec.example.org',
    now: () => NOW,
  });
}

export function input(
  line: string,
  options: Record<string, OptionValue> = {},
  extra: Partial<CommandInput> = {},
): CommandInput {
  const [command = '', subcommand = null] = line.replace(/^\//, '').split(' ');
  return {
    command,
    subcommand,
    user: ALICE,
    guildId: GUILD,
    canManageServer: false,
    options,
    people: {},
    ...extra,
  };
}

/** Runs a line like "log cpr" with its options through `runCommand`, as the router would. */
export function runLine(
  context: CommandContext,
  line: string,
  options: Record<string, OptionValue> = {},
  extra: Partial<CommandInput> = {},
) {
  const command = findCommand(line.replace(/^\//, '').split(' ')[0] ?? '');
  if (!command) throw new Error(`no command in "${line}"`);
  return runCommand(command, input(line, options, extra), context);
}

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'cec-bot-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Everything a reply shows, as one string (content, embeds, buttons), for "contains" checks. */
export function shown(reply: {
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  buttons?: { label: string }[];
}): string {
  return [
    reply.content ?? '',
    ...(reply.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? '',
    ]),
    ...(reply.buttons ?? []).map((b) => b.label),
  ].join('\n');
}
