/** Application commands: registration (with Discord's validation) and typing plain option values. */
import type { RecordedFile } from './message.js';
import type { FakeChannel, FakeGuild, FakeRole, FakeUser, World } from './state.js';
import {
  apiError,
  asArray,
  asNumber,
  asString,
  type DiscordHttpError,
  ErrorCode,
  FormErrors,
  isObject,
  type JsonObject,
  objects,
  type SnowflakeGenerator,
} from './util.js';

/** Thrown for test mistakes (unknown command, bad option...), never answered over HTTP. */
export class FakeDiscordError extends Error {
  constructor(message: string) {
    super(`discord-fake: ${message}`);
    this.name = 'FakeDiscordError';
  }
}

export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

const OPTION_TYPE_NAMES: Record<number, string> = {
  1: 'SUB_COMMAND',
  2: 'SUB_COMMAND_GROUP',
  3: 'STRING',
  4: 'INTEGER',
  5: 'BOOLEAN',
  6: 'USER',
  7: 'CHANNEL',
  8: 'ROLE',
  9: 'MENTIONABLE',
  10: 'NUMBER',
  11: 'ATTACHMENT',
};

/** A registered command as Discord returns it (the registered JSON plus id, version...). */
export type StoredCommand = JsonObject & { id: string; name: string; type: number };

/** A file given as an ATTACHMENT option value. */
export interface AttachmentInput {
  name: string;
  content: string | Buffer | Uint8Array;
  contentType?: string;
}

/** A plain option value; USER/CHANNEL/ROLE take the object, its id or its name. */
export type OptionValue =
  | string
  | number
  | bigint
  | boolean
  | FakeUser
  | FakeChannel
  | FakeRole
  | AttachmentInput;

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(
  value: unknown,
  at: (string | number)[],
  errors: FormErrors,
  chatInput: boolean,
): void {
  const name = asString(value);
  if (name === undefined) {
    errors.add([...at, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
  } else if (chatInput && (!NAME.test(name) || name !== name.toLowerCase())) {
    errors.add(
      [...at, 'name'],
      'APPLICATION_COMMAND_INVALID_NAME',
      `Command name is invalid: "${name}" (1-32 lowercase letters, digits, - or _)`,
    );
  } else if (name.length < 1 || name.length > 32) {
    errors.add([...at, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  }
}

function checkDescription(value: unknown, at: (string | number)[], errors: FormErrors): void {
  const description = asString(value);
  if (description === undefined || description.length < 1 || description.length > 100) {
    errors.add(
      [...at, 'description'],
      'BASE_TYPE_BAD_LENGTH',
      'Must be between 1 and 100 in length.',
    );
  }
}

function validateOptions(
  value: unknown,
  at: (string | number)[],
  errors: FormErrors,
  level: 'top' | 'group' | 'subcommand',
): void {
  if (value === undefined || value === null) return;
  const options = objects(value);
  if (options.length > 25) errors.add(at, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let seenOptional = false;
  let subcommands = 0;
  options.forEach((option, i) => {
    const here = [...at, i];
    const type = asNumber(option.type);
    checkName(option.name, here, errors, true);
    checkDescription(option.description, here, errors);
    const name = String(option.name);
    if (names.has(name)) {
      errors.add(
        [...here, 'name'],
        'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        `Duplicate option name "${name}"`,
      );
    }
    names.add(name);
    if (type === undefined || !(type in OPTION_TYPE_NAMES)) {
      errors.add(
        [...here, 'type'],
        'BASE_TYPE_CHOICES',
        `Value must be one of ${Object.keys(OPTION_TYPE_NAMES).join(', ')}.`,
      );
      return;
    }
    if (type === OptionType.Subcommand || type === OptionType.SubcommandGroup) {
      subcommands++;
      const allowed = level === 'top' || (level === 'group' && type === OptionType.Subcommand);
      if (!allowed) {
        errors.add(
          [...here, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Sub-commands cannot be nested this way',
        );
      }
      validateOptions(
        option.options,
        [...here, 'options'],
        errors,
        type === OptionType.SubcommandGroup ? 'group' : 'subcommand',
      );
      return;
    }
    if (level === 'group') {
      errors.add(
        [...here, 'type'],
        'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
        'A sub-command group may only contain sub-commands',
      );
    }
    if (option.required === true) {
      if (seenOptional) {
        errors.add(
          [...here, 'required'],
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        );
      }
    } else {
      seenOptional = true;
    }
    const choices = option.choices;
    if (choices !== undefined && choices !== null) {
      if (![OptionType.String, OptionType.Integer, OptionType.Number].includes(type as 3)) {
        errors.add(
          [...here, 'choices'],
          'BASE_TYPE_BAD_TYPE',
          'Choices are only allowed for STRING, INTEGER and NUMBER',
        );
      }
      const list = objects(choices);
      if (list.length > 25) {
        errors.add([...here, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      }
      if (list.length > 0 && option.autocomplete === true) {
        errors.add(
          [...here, 'autocomplete'],
          'APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE',
          'Autocomplete cannot be enabled on options that have choices',
        );
      }
      list.forEach((choice, j) => {
        const name = asString(choice.name) ?? '';
        if (name.length < 1 || name.length > 100) {
          errors.add(
            [...here, 'choices', j, 'name'],
            'BASE_TYPE_BAD_LENGTH',
            'Must be between 1 and 100 in length.',
          );
        }
        if (typeof choice.value === 'string' && choice.value.length > 100) {
          errors.add(
            [...here, 'choices', j, 'value'],
            'BASE_TYPE_MAX_LENGTH',
            'Must be 100 or fewer in length.',
          );
        }
      });
    }
  });
  if (subcommands > 0 && subcommands < options.length) {
    errors.add(
      at,
      'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
      'Sub-command and sub-command group option types are mutually exclusive to all other types',
    );
  }
}

function validateCommand(body: JsonObject, at: (string | number)[], errors: FormErrors): void {
  const type = asNumber(body.type) ?? 1;
  if (![1, 2, 3, 4].includes(type)) {
    errors.add([...at, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4}.');
  }
  checkName(body.name, at, errors, type === 1);
  if (type === 1) {
    checkDescription(body.description, at, errors);
    validateOptions(body.options, [...at, 'options'], errors, 'top');
  } else if (typeof body.description === 'string' && body.description.length > 0) {
    errors.add(
      [...at, 'description'],
      'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION',
      'Context menu commands cannot have a description',
    );
  }
}

/** Commands registered globally and per guild. */
export class CommandRegistry {
  readonly #global: StoredCommand[] = [];
  readonly #guild = new Map<string, StoredCommand[]>();

  constructor(
    private readonly ids: SnowflakeGenerator,
    private readonly applicationId: string,
  ) {}

  list(guildId?: string): StoredCommand[] {
    if (guildId === undefined) return this.#global;
    let list = this.#guild.get(guildId);
    if (!list) {
      list = [];
      this.#guild.set(guildId, list);
    }
    return list;
  }

  #store(body: JsonObject, guildId: string | undefined, id: string): StoredCommand {
    const type = asNumber(body.type) ?? 1;
    const command: StoredCommand = {
      ...body,
      id,
      application_id: this.applicationId,
      version: this.ids.next(),
      type,
      name: String(body.name),
      description: asString(body.description) ?? '',
      default_member_permissions: body.default_member_permissions ?? null,
      nsfw: body.nsfw === true,
      contexts: body.contexts ?? null,
      integration_types: body.integration_types ?? [0],
    };
    if (guildId !== undefined) command.guild_id = guildId;
    return command;
  }

  /** PUT: replaces the whole list, keeping ids of commands whose name and type survive. */
  overwrite(body: unknown, guildId?: string): StoredCommand[] {
    if (!Array.isArray(body)) {
      throw apiError(
        400,
        ErrorCode.InvalidFormBody,
        'Invalid Form Body: expected an array of commands',
      );
    }
    const errors = new FormErrors();
    const seen = new Set<string>();
    body.forEach((entry, i) => {
      const command = isObject(entry) ? entry : {};
      validateCommand(command, [i], errors);
      const key = `${asNumber(command.type) ?? 1}:${String(command.name)}`;
      if (seen.has(key)) {
        errors.add(
          [i, 'name'],
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          `Application command names must be unique (${String(command.name)})`,
        );
      }
      seen.add(key);
    });
    const error = errors.toError();
    if (error) throw error;
    const list = this.list(guildId);
    const next = body.map((entry) => {
      const command = entry as JsonObject;
      const type = asNumber(command.type) ?? 1;
      const old = list.find((c) => c.name === command.name && c.type === type);
      return this.#store(command, guildId, old?.id ?? this.ids.next());
    });
    list.splice(0, list.length, ...next);
    return next;
  }

  /** POST: creates a command, or replaces the one with the same name and type. */
  upsert(body: unknown, guildId?: string): { command: StoredCommand; created: boolean } {
    const command = isObject(body) ? body : {};
    const errors = new FormErrors();
    validateCommand(command, [], errors);
    const error = errors.toError();
    if (error) throw error;
    const list = this.list(guildId);
    const type = asNumber(command.type) ?? 1;
    const index = list.findIndex((c) => c.name === command.name && c.type === type);
    const stored = this.#store(
      command,
      guildId,
      index >= 0 ? (list[index]?.id ?? this.ids.next()) : this.ids.next(),
    );
    if (index >= 0) list[index] = stored;
    else list.push(stored);
    return { command: stored, created: index < 0 };
  }

  get(id: string, guildId?: string): StoredCommand {
    const found = this.list(guildId).find((c) => c.id === id);
    if (!found) throw apiError(404, ErrorCode.UnknownCommand, 'Unknown application command');
    return found;
  }

  edit(id: string, body: unknown, guildId?: string): StoredCommand {
    const old = this.get(id, guildId);
    const merged = { ...old, ...(isObject(body) ? body : {}) };
    const errors = new FormErrors();
    validateCommand(merged, [], errors);
    const error = errors.toError();
    if (error) throw error;
    const list = this.list(guildId);
    const stored = this.#store(merged, guildId, id);
    list[list.indexOf(old)] = stored;
    return stored;
  }

  remove(id: string, guildId?: string): void {
    const list = this.list(guildId);
    const old = this.get(id, guildId);
    list.splice(list.indexOf(old), 1);
  }

  /** A guild command of that guild first, then a global one. */
  find(name: string, type: number, guildId?: string): StoredCommand | undefined {
    const local = guildId === undefined ? undefined : this.#guild.get(guildId);
    return (
      local?.find((c) => c.name === name && c.type === type) ??
      this.#global.find((c) => c.name === name && c.type === type)
    );
  }

  names(guildId?: string): string[] {
    const local = guildId === undefined ? [] : (this.#guild.get(guildId) ?? []);
    return [...local, ...this.#global].map((c) => `/${c.name}`);
  }
}

/** Where an invocation happens, for resolving USER/CHANNEL/ROLE/ATTACHMENT values. */
export interface OptionContext {
  world: World;
  guild: FakeGuild | undefined;
  validate: boolean;
  /** Stores an uploaded ATTACHMENT option and returns its API attachment object. */
  storeAttachment(file: RecordedFile): JsonObject;
}

export interface Invocation {
  subcommandGroup?: string;
  subcommand?: string;
  options: Record<string, OptionValue | undefined>;
  /** For autocomplete: the option being typed and its partial text. */
  focused?: { name: string; value: string };
}

interface Resolved {
  users: JsonObject;
  members: JsonObject;
  roles: JsonObject;
  channels: JsonObject;
  attachments: JsonObject;
}

/** Builds `data` of an APPLICATION_COMMAND (or autocomplete) interaction from plain values. */
export function buildCommandData(
  command: StoredCommand,
  invocation: Invocation,
  ctx: OptionContext,
): JsonObject {
  const label = `/${command.name}`;
  const top = objects(command.options);
  const usesSubcommands = top.some(
    (o) => o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup,
  );
  const resolved: Resolved = { users: {}, members: {}, roles: {}, channels: {}, attachments: {} };
  let options: JsonObject[];

  if (usesSubcommands) {
    const { subcommandGroup: groupName, subcommand: subName } = invocation;
    const available = top.flatMap((o) =>
      o.type === OptionType.SubcommandGroup
        ? objects(o.options).map((s) => `${String(o.name)} ${String(s.name)}`)
        : [String(o.name)],
    );
    if (!subName) {
      throw new FakeDiscordError(
        `${label} needs a subcommand; registered: ${available.join(', ')}`,
      );
    }
    let container: JsonObject[] = top;
    let group: JsonObject | undefined;
    if (groupName) {
      group = top.find((o) => o.type === OptionType.SubcommandGroup && o.name === groupName);
      if (!group) {
        throw new FakeDiscordError(
          `${label} has no subcommand group "${groupName}"; registered: ${available.join(', ')}`,
        );
      }
      container = objects(group.options);
    }
    const sub = container.find((o) => o.type === OptionType.Subcommand && o.name === subName);
    if (!sub) {
      const where = groupName ? `${label} ${groupName}` : label;
      throw new FakeDiscordError(
        `${where} has no subcommand "${subName}"; registered: ${available.join(', ')}`,
      );
    }
    const leafLabel = `${label}${groupName ? ` ${groupName}` : ''} ${subName}`;
    const subOptions = buildLeafOptions(objects(sub.options), invocation, ctx, resolved, leafLabel);
    const subJson: JsonObject = { type: OptionType.Subcommand, name: subName, options: subOptions };
    options = group
      ? [{ type: OptionType.SubcommandGroup, name: groupName, options: [subJson] }]
      : [subJson];
  } else {
    if (invocation.subcommand || invocation.subcommandGroup) {
      throw new FakeDiscordError(
        `${label} has no subcommands (asked for "${invocation.subcommandGroup ?? ''} ${invocation.subcommand ?? ''}".trim())`,
      );
    }
    options = buildLeafOptions(top, invocation, ctx, resolved, label);
  }

  const data: JsonObject = { id: command.id, name: command.name, type: command.type };
  if (options.length > 0) data.options = options;
  if (command.guild_id !== undefined) data.guild_id = command.guild_id;
  const resolvedJson: JsonObject = {};
  for (const [key, value] of Object.entries(resolved)) {
    if (Object.keys(value).length > 0) resolvedJson[key] = value;
  }
  if (Object.keys(resolvedJson).length > 0) data.resolved = resolvedJson;
  return data;
}

function buildLeafOptions(
  definitions: JsonObject[],
  invocation: Invocation,
  ctx: OptionContext,
  resolved: Resolved,
  label: string,
): JsonObject[] {
  const names = definitions.map((d) => String(d.name));
  const given = invocation.options;
  for (const key of Object.keys(given)) {
    if (!names.includes(key)) {
      throw new FakeDiscordError(
        `${label} has no option "${key}"; registered options: ${names.length > 0 ? names.join(', ') : '(none)'}`,
      );
    }
  }
  const focused = invocation.focused;
  if (focused) {
    const def = definitions.find((d) => d.name === focused.name);
    if (!def) {
      throw new FakeDiscordError(
        `${label} has no option "${focused.name}" to autocomplete; registered options: ${names.join(', ')}`,
      );
    }
    if (def.autocomplete !== true && ctx.validate) {
      throw new FakeDiscordError(
        `option "${focused.name}" of ${label} is not registered with autocomplete: true`,
      );
    }
  }
  const out: JsonObject[] = [];
  for (const def of definitions) {
    const name = String(def.name);
    const type = Number(def.type);
    if (focused?.name === name) {
      out.push({ type, name, value: focused.value, focused: true });
      continue;
    }
    const value = given[name];
    if (value === undefined) {
      if (def.required === true && ctx.validate && !focused) {
        throw new FakeDiscordError(
          `${label} requires option "${name}" (${OPTION_TYPE_NAMES[type] ?? type})`,
        );
      }
      continue;
    }
    out.push({ type, name, value: typeValue(def, value, ctx, resolved, `${label} ${name}`) });
  }
  return out;
}

function typeValue(
  def: JsonObject,
  value: OptionValue,
  ctx: OptionContext,
  resolved: Resolved,
  label: string,
): string | number | boolean {
  const type = Number(def.type);
  const typeName = OPTION_TYPE_NAMES[type] ?? String(type);
  const wrong = (): never => {
    throw new FakeDiscordError(
      `option ${label} is ${typeName}; cannot use ${JSON.stringify(describe(value))}`,
    );
  };
  const checkChoices = (v: string | number): void => {
    const choices = asArray(def.choices).filter(isObject);
    if (ctx.validate && choices.length > 0 && !choices.some((c) => c.value === v)) {
      throw new FakeDiscordError(
        `option ${label} only accepts its choices: ${choices.map((c) => JSON.stringify(c.value)).join(', ')}; got ${JSON.stringify(v)}`,
      );
    }
  };
  const checkRange = (v: number): void => {
    const min = asNumber(def.min_value);
    const max = asNumber(def.max_value);
    if (ctx.validate && ((min !== undefined && v < min) || (max !== undefined && v > max))) {
      throw new FakeDiscordError(
        `option ${label} must be within [${min ?? '-∞'}, ${max ?? '∞'}]; got ${v}`,
      );
    }
  };
  switch (type) {
    case OptionType.String: {
      if (typeof value !== 'string') return wrong();
      const min = asNumber(def.min_length);
      const max = asNumber(def.max_length);
      if (
        ctx.validate &&
        ((min !== undefined && value.length < min) || (max !== undefined && value.length > max))
      ) {
        throw new FakeDiscordError(
          `option ${label} must be ${min ?? 0}-${max ?? 6000} characters; got ${value.length}`,
        );
      }
      checkChoices(value);
      return value;
    }
    case OptionType.Integer: {
      const n = typeof value === 'bigint' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n)) return wrong();
      checkRange(n);
      checkChoices(n);
      return n;
    }
    case OptionType.Number: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong();
      checkRange(value);
      checkChoices(value);
      return value;
    }
    case OptionType.Boolean:
      if (typeof value !== 'boolean') return wrong();
      return value;
    case OptionType.User:
      return resolveUserOption(value, ctx, resolved, label);
    case OptionType.Channel:
      return resolveChannelOption(def, value, ctx, resolved, label);
    case OptionType.Role:
      return resolveRoleOption(value, ctx, resolved, label);
    case OptionType.Mentionable: {
      if (typeof value === 'string' || (isObject(value) && 'permissions' in value)) {
        const role = ctx.guild?.role(typeof value === 'string' ? value : String(value.id));
        if (role) return resolveRoleOption(role, ctx, resolved, label);
      }
      return resolveUserOption(value, ctx, resolved, label);
    }
    case OptionType.Attachment: {
      if (!isObject(value) || typeof value.name !== 'string' || !('content' in value))
        return wrong();
      const input = value as AttachmentInput;
      const data =
        typeof input.content === 'string' ? Buffer.from(input.content) : Buffer.from(input.content);
      const attachment = ctx.storeAttachment({
        field: 'option',
        name: input.name,
        contentType: input.contentType,
        data,
        text: data.toString('utf8'),
      });
      resolved.attachments[String(attachment.id)] = attachment;
      return String(attachment.id);
    }
    default:
      return wrong();
  }
}

function describe(value: OptionValue): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  return value;
}

function resolveUserOption(
  value: OptionValue,
  ctx: OptionContext,
  resolved: Resolved,
  label: string,
): string {
  let user: FakeUser;
  if (typeof value === 'string') user = ctx.world.resolveUser(value);
  else if (isObject(value) && typeof value.username === 'string')
    user = ctx.world.resolveUser(value as FakeUser);
  else throw new FakeDiscordError(`option ${label} is USER; give a user, user id or username`);
  resolved.users[user.id] = user;
  const member = ctx.guild?.members.get(user.id);
  if (ctx.guild && member) {
    resolved.members[user.id] = {
      ...ctx.world.memberJson(member, false),
      permissions: ctx.guild.permissionsOf(user.id).toString(),
    };
  }
  return user.id;
}

function resolveChannelOption(
  def: JsonObject,
  value: OptionValue,
  ctx: OptionContext,
  resolved: Resolved,
  label: string,
): string {
  const ref = typeof value === 'string' ? value : isObject(value) ? String(value.id) : '';
  const channel = ctx.guild?.channel(ref) ?? ctx.world.channels.get(ref);
  if (!channel) throw new FakeDiscordError(`option ${label}: unknown channel "${ref}"`);
  const types = asArray(def.channel_types);
  if (ctx.validate && types.length > 0 && !types.includes(channel.type)) {
    throw new FakeDiscordError(
      `option ${label} only accepts channel types ${types.join(', ')}; #${channel.name ?? channel.id} is type ${channel.type}`,
    );
  }
  const json: JsonObject = {
    id: channel.id,
    name: channel.name ?? '',
    type: channel.type,
    permissions: ctx.world.permissionsIn(channel, ctx.world.botUser.id).toString(),
  };
  if (channel.parent_id !== undefined) json.parent_id = channel.parent_id;
  if (channel.guild_id) json.guild_id = channel.guild_id;
  resolved.channels[channel.id] = json;
  return channel.id;
}

function resolveRoleOption(
  value: OptionValue,
  ctx: OptionContext,
  resolved: Resolved,
  label: string,
): string {
  if (!ctx.guild) throw new FakeDiscordError(`option ${label} is ROLE, which needs a guild`);
  const ref = typeof value === 'string' ? value : isObject(value) ? String(value.id) : '';
  const role = ctx.guild.role(ref);
  if (!role)
    throw new FakeDiscordError(`option ${label}: guild ${ctx.guild.name} has no role "${ref}"`);
  resolved.roles[role.id] = role;
  return role.id;
}

export function isDiscordHttpError(error: unknown): error is DiscordHttpError {
  return error instanceof Error && error.name === 'DiscordHttpError';
}
