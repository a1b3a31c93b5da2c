/** Typing a test's plain option values by the registered command, as Discord's client would. */
import { type FakeUpload, isUpload } from './attachments.js';
import { OPTION_TYPE_NAMES, OptionType, type StoredCommand } from './commands.js';
import type { FakeChannel, FakeGuild, FakeUser, World } from './state.js';
import { asArray, asNumber, FakeDiscordError, isObject, type JsonObject, objects } from './util.js';

/** A plain option value; USER and CHANNEL take the object, its id or its name; ATTACHMENT an `upload(...)`. */
export type OptionValue = string | number | bigint | boolean | FakeUser | FakeChannel | FakeUpload;

/** What a test asks for, and where: options are checked against the command's definition. */
export interface Invocation {
  subcommand: string | undefined;
  options: Record<string, OptionValue | undefined>;
  /** For autocomplete: the option being typed and its partial text. */
  focused?: { name: string; value: string };
  world: World;
  guild: FakeGuild;
  /** Check required options, choices, lengths, ranges and channel types. */
  validate: boolean;
}

/** An invocation being typed, and the users, members and channels its values named. */
interface Typing extends Invocation {
  resolved: {
    users: JsonObject;
    members: JsonObject;
    channels: JsonObject;
    attachments: JsonObject;
  };
}

/** Builds `data` of an APPLICATION_COMMAND (or autocomplete) interaction from plain values. */
export function buildCommandData(command: StoredCommand, invocation: Invocation): JsonObject {
  const label = `/${command.name}`;
  const top = objects(command.options);
  const typing: Typing = {
    ...invocation,
    resolved: { users: {}, members: {}, channels: {}, attachments: {} },
  };
  let options: JsonObject[];
  if (top.some((o) => o.type === OptionType.Subcommand)) {
    const names = top.map((o) => String(o.name)).join(', ');
    const name = invocation.subcommand;
    if (!name) throw new FakeDiscordError(`${label} needs a subcommand; registered: ${names}`);
    const sub = top.find((o) => o.name === name);
    if (!sub) {
      throw new FakeDiscordError(`${label} has no subcommand "${name}"; registered: ${names}`);
    }
    const leaves = leafOptions(objects(sub.options), typing, `${label} ${name}`);
    options = [{ type: OptionType.Subcommand, name, options: leaves }];
  } else {
    if (invocation.subcommand) {
      throw new FakeDiscordError(
        `${label} has no subcommands (asked for "${invocation.subcommand}")`,
      );
    }
    options = leafOptions(top, typing, label);
  }
  const data: JsonObject = { id: command.id, name: command.name, type: command.type };
  if (options.length > 0) data.options = options;
  if (command.guild_id !== undefined) data.guild_id = command.guild_id;
  const used = Object.entries(typing.resolved).filter(([, value]) => Object.keys(value).length > 0);
  if (used.length > 0) data.resolved = Object.fromEntries(used);
  return data;
}

function leafOptions(definitions: JsonObject[], invocation: Typing, label: string): JsonObject[] {
  const names = definitions.map((d) => String(d.name));
  const registered = names.length > 0 ? names.join(', ') : '(none)';
  for (const key of Object.keys(invocation.options)) {
    if (!names.includes(key)) {
      throw new FakeDiscordError(
        `${label} has no option "${key}"; registered options: ${registered}`,
      );
    }
  }
  const { focused } = invocation;
  if (focused) {
    const def = definitions.find((d) => d.name === focused.name);
    if (!def) {
      throw new FakeDiscordError(
        `${label} has no option "${focused.name}" to autocomplete; registered options: ${registered}`,
      );
    }
    if (def.autocomplete !== true) {
      throw new FakeDiscordError(
        `option "${focused.name}" of ${label} is not registered with autocomplete: true`,
      );
    }
  }
  const out: JsonObject[] = [];
  for (const def of definitions) {
    const name = String(def.name);
    const type = Number(def.type);
    const value = invocation.options[name];
    if (focused?.name === name) {
      out.push({ type, name, value: focused.value, focused: true });
    } else if (value !== undefined) {
      out.push({
        type,
        name,
        value: typeValue(def, value, invocation, `${label} ${name}`),
      });
    } else if (def.required === true && !focused && invocation.validate) {
      throw new FakeDiscordError(
        `${label} requires option "${name}" (${OPTION_TYPE_NAMES[type] ?? type})`,
      );
    }
  }
  return out;
}

function typeValue(
  def: JsonObject,
  value: OptionValue,
  typing: Typing,
  label: string,
): string | number | boolean {
  const type = Number(def.type);
  const wrong = (): never => {
    const shown = typeof value === 'bigint' ? `${value}n` : value;
    throw new FakeDiscordError(
      `option ${label} is ${OPTION_TYPE_NAMES[type]}; cannot use ${JSON.stringify(shown)}`,
    );
  };
  const check = (ok: boolean, problem: string): void => {
    if (!ok && typing.validate) throw new FakeDiscordError(`option ${label} ${problem}`);
  };
  const inChoices = (v: string | number): void => {
    const choices = objects(def.choices);
    check(
      choices.length === 0 || choices.some((c) => c.value === v),
      `only accepts its choices: ${choices.map((c) => JSON.stringify(c.value)).join(', ')}; got ${JSON.stringify(v)}`,
    );
  };
  switch (type) {
    case OptionType.String: {
      if (typeof value !== 'string') return wrong();
      const min = asNumber(def.min_length) ?? 0;
      const max = asNumber(def.max_length) ?? 6000;
      check(
        value.length >= min && value.length <= max,
        `must be ${min}-${max} characters; got ${value.length}`,
      );
      inChoices(value);
      return value;
    }
    case OptionType.Integer:
    case OptionType.Number: {
      const n = typeof value === 'bigint' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return wrong();
      if (type === OptionType.Integer && !Number.isInteger(n)) return wrong();
      const min = asNumber(def.min_value);
      const max = asNumber(def.max_value);
      check(
        (min === undefined || n >= min) && (max === undefined || n <= max),
        `must be within [${min ?? '-∞'}, ${max ?? '∞'}]; got ${n}`,
      );
      inChoices(n);
      return n;
    }
    case OptionType.Boolean:
      return typeof value === 'boolean' ? value : wrong();
    case OptionType.User:
      return resolveUser(value, typing, label);
    case OptionType.Channel:
      return resolveChannel(def, value, typing, label);
    case OptionType.Attachment: {
      if (!isUpload(value)) return wrong();
      // Discord uploads a command's file first; the option's value is the attachment's id.
      const attachment = typing.world.attachments.add(
        `ephemeral-attachments/${typing.world.botUser.id}`,
        value,
        { ephemeral: true },
      );
      typing.resolved.attachments[attachment.id] = attachment;
      return attachment.id;
    }
    default:
      return wrong();
  }
}

function resolveUser(value: OptionValue, typing: Typing, label: string): string {
  const { world, guild, resolved } = typing;
  if (typeof value !== 'string' && !(isObject(value) && typeof value.username === 'string')) {
    throw new FakeDiscordError(`option ${label} is USER; give a user, user id or username`);
  }
  const user = world.resolveUser(value as string | FakeUser);
  resolved.users[user.id] = user;
  const member = guild.members.get(user.id);
  if (member) {
    resolved.members[user.id] = {
      ...world.memberJson(member, false),
      permissions: guild.permissionsOf(user.id).toString(),
    };
  }
  return user.id;
}

function resolveChannel(
  def: JsonObject,
  value: OptionValue,
  typing: Typing,
  label: string,
): string {
  const { world, guild, resolved } = typing;
  const ref = typeof value === 'string' ? value : isObject(value) ? String(value.id) : '';
  const channel = guild.channel(ref);
  if (!channel)
    throw new FakeDiscordError(`option ${label}: guild ${guild.name} has no channel "${ref}"`);
  const types = asArray(def.channel_types);
  if (typing.validate && types.length > 0 && !types.includes(channel.type)) {
    throw new FakeDiscordError(
      `option ${label} only accepts channel types ${types.join(', ')}; #${channel.name} is type ${channel.type}`,
    );
  }
  resolved.channels[channel.id] = {
    id: channel.id,
    name: channel.name ?? '',
    type: channel.type,
    guild_id: guild.id,
    parent_id: channel.parent_id ?? null,
    permissions: world.botPermissionsIn(channel).toString(),
  };
  return channel.id;
}
