/**
 * One console line → the same `CommandInput` Discord would deliver, checked
 * against the registered command definitions: `/log college credits:3
 * grade:B date:12/10/2025 title:"Intro to anatomy"`. Words after an option
 * without quotes continue its value (`question:cpr 2yr`), as typing in
 * Discord does.
 */
import { ApplicationCommandOptionType } from 'discord.js';
import { COMMANDS } from '../commands/index.js';
import type { CommandInput, OptionValue } from '../commands/types.js';
import type { Person } from '../members/person.js';

export type ParsedLine = { ok: true; input: CommandInput } | { ok: false; error: string };

interface OptionDefinition {
  name: string;
  type: number;
  required?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: OptionDefinition[];
}

/** Splits on spaces, keeping "quoted text" (and name:"quoted text") together. */
export function tokenize(line: string): { tokens: string[]; error: string | null } {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: string | null = null;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === '“' || char === '”') {
      quote = char === '“' ? '”' : '"';
      inToken = true;
    } else if (/\s/.test(char)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += char;
      inToken = true;
    }
  }
  if (quote) return { tokens, error: 'A quote is not closed: put the value in "double quotes".' };
  if (inToken) tokens.push(current);
  return { tokens, error: null };
}

function names(list: readonly { name: string }[]): string {
  return list.map((o) => o.name).join(', ');
}

type Typed = { ok: true; value: OptionValue } | { ok: false; error: string };

/** The value as Discord would deliver it for this option type, or why it cannot be. */
function typed(
  usage: string,
  option: OptionDefinition,
  raw: string,
  people: Record<string, Person>,
): Typed {
  const value = raw.trim();
  const wrong = (expected: string): Typed => ({
    ok: false,
    error: `\`${option.name}:\` of \`${usage}\` must be ${expected} (got "${value}").`,
  });
  switch (option.type) {
    case ApplicationCommandOptionType.Number:
    case ApplicationCommandOptionType.Integer: {
      const number = Number(value);
      return value === '' || !Number.isFinite(number)
        ? wrong('a number, like 3 or 0.5')
        : { ok: true, value: number };
    }
    case ApplicationCommandOptionType.Boolean:
      if (/^(true|yes|y|1)$/i.test(value)) return { ok: true, value: true };
      if (/^(false|no|n|0)$/i.test(value)) return { ok: true, value: false };
      return wrong('true or false');
    case ApplicationCommandOptionType.User: {
      const id = /^<@!?(\d+)>$/.exec(value)?.[1] ?? value.replace(/^@/, '');
      people[id] = { id, name: id };
      return { ok: true, value: id };
    }
    case ApplicationCommandOptionType.Channel:
      return { ok: true, value: /^<#(\d+)>$/.exec(value)?.[1] ?? value.replace(/^#/, '') };
    default: {
      if (!option.choices) return { ok: true, value };
      const choice = option.choices.find(
        (c) =>
          String(c.value).toLowerCase() === value.toLowerCase() ||
          c.name.toLowerCase() === value.toLowerCase(),
      );
      return choice
        ? { ok: true, value: choice.value }
        : wrong(`one of ${option.choices.map((c) => c.value).join(', ')}`);
    }
  }
}

export interface ConsoleIdentity {
  user: Person;
  guildId: string;
  canManageServer: boolean;
}

export function parseLine(line: string, who: ConsoleIdentity): ParsedLine {
  const { tokens, error } = tokenize(line.trim());
  if (error) return { ok: false, error };
  const [head, ...rest] = tokens;
  const commandName = head?.replace(/^\//, '').toLowerCase() ?? '';
  const command = COMMANDS.find((c) => c.data.name === commandName);
  if (!command) {
    return {
      ok: false,
      error: `Unknown command "${head ?? ''}". Commands: ${COMMANDS.map((c) => `/${c.data.name}`).join(', ')}.`,
    };
  }
  const definition = command.data.toJSON() as { options?: OptionDefinition[] };
  const top = definition.options ?? [];
  const subcommands = top.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  let subcommand: string | null = null;
  let options = top;
  let words = rest;
  if (subcommands.length > 0) {
    const name = rest[0]?.toLowerCase();
    if (!name || name.includes(':')) {
      return { ok: false, error: `\`/${commandName}\` needs a subcommand: ${names(subcommands)}.` };
    }
    const sub = subcommands.find((s) => s.name === name);
    if (!sub) {
      return {
        ok: false,
        error: `\`/${commandName}\` has no subcommand "${name}". Choose one of: ${names(subcommands)}.`,
      };
    }
    subcommand = sub.name;
    options = sub.options ?? [];
    words = rest.slice(1);
  }
  const usage = `/${commandName}${subcommand ? ` ${subcommand}` : ''}`;

  const raw = new Map<string, string>();
  let last: string | null = null;
  for (const word of words) {
    const colon = word.indexOf(':');
    const name = colon > 0 ? word.slice(0, colon).toLowerCase() : null;
    const option = name === null ? undefined : options.find((o) => o.name === name);
    if (name !== null && option) {
      raw.set(option.name, word.slice(colon + 1));
      last = option.name;
    } else if (name !== null && !/^https?$/.test(name) && !/^\d+$/.test(name)) {
      const known = options.length > 0 ? `its options: ${names(options)}` : 'it takes no options';
      return { ok: false, error: `\`${usage}\` has no option \`${name}:\`; ${known}.` };
    } else if (last !== null) {
      raw.set(last, `${raw.get(last) ?? ''} ${word}`);
    } else {
      return {
        ok: false,
        error: `"${word}" is not an option: write options as name:value, like \`${options[0]?.name ?? 'option'}:…\`${options.length ? ` (options: ${names(options)})` : ''}.`,
      };
    }
  }

  const values: Record<string, OptionValue> = {};
  const people: Record<string, Person> = {};
  for (const [name, text] of raw) {
    const option = options.find((o) => o.name === name);
    if (!option) continue;
    const result = typed(usage, option, text, people);
    if (!result.ok) return { ok: false, error: result.error };
    values[name] = result.value;
  }

  return {
    ok: true,
    input: {
      command: commandName,
      user: who.user,
      guildId: who.guildId,
      canManageServer: who.canManageServer,
      subcommand,
      options: values,
      people,
    },
  };
}
