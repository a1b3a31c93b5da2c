/** Reading typed options from a command input, with a specific message when one is missing or wrong. */
import type { Person } from '../members/person.js';
import { type CommandInput, MemberError } from './types.js';

function usage(input: CommandInput): string {
  return `/${input.command}${input.subcommand ? ` ${input.subcommand}` : ''}`;
}

function missing(input: CommandInput, name: string, example: string): MemberError {
  return new MemberError(
    `\`${usage(input)}\` needs \`${name}:\`, for example \`${name}:${example}\`.`,
  );
}

function wrongType(input: CommandInput, name: string, expected: string): MemberError {
  return new MemberError(`\`${name}:\` of \`${usage(input)}\` must be ${expected}.`);
}

export function optionalText(input: CommandInput, name: string): string | null {
  const value = input.options[name];
  if (value === undefined) return null;
  if (typeof value !== 'string') return String(value);
  return value;
}

export function requiredText(input: CommandInput, name: string, example: string): string {
  const value = optionalText(input, name);
  if (value === null || value.trim() === '') throw missing(input, name, example);
  return value;
}

export function optionalNumber(input: CommandInput, name: string): number | null {
  const value = input.options[name];
  if (value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  throw wrongType(input, name, 'a number, like 3 or 0.5');
}

export function requiredNumber(input: CommandInput, name: string, example: string): number {
  const value = optionalNumber(input, name);
  if (value === null) throw missing(input, name, example);
  return value;
}

export function optionalBoolean(input: CommandInput, name: string): boolean | null {
  const value = input.options[name];
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value;
  throw wrongType(input, name, 'true or false');
}

/** A user option: the person Discord resolved (their id when the name is unknown). */
export function optionalPerson(input: CommandInput, name: string): Person | null {
  const value = input.options[name];
  if (value === undefined) return null;
  const id = String(value);
  return input.people[id] ?? { id, name: id };
}

/** The handler for a subcommand name; own keys only, so "constructor" is just an unknown name. */
export function pick<T>(table: Readonly<Record<string, T>>, name: string | null): T | null {
  return name !== null && Object.hasOwn(table, name) ? (table[name] ?? null) : null;
}
