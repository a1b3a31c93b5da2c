/** Slash commands: registration with Discord's validation, kept globally and per guild. */
import {
  apiError,
  asNumber,
  asString,
  DiscordHttpError,
  ErrorCode,
  FakeDiscordError,
  FormErrors,
  isObject,
  type JsonObject,
  objects,
  type SnowflakeGenerator,
} from './util.js';

/** The option types the fake can register and invoke. */
export const OptionType = {
  Subcommand: 1,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Number: 10,
} as const;

export const OPTION_TYPE_NAMES: Record<number, string> = {
  1: 'SUB_COMMAND',
  3: 'STRING',
  4: 'INTEGER',
  5: 'BOOLEAN',
  6: 'USER',
  7: 'CHANNEL',
  10: 'NUMBER',
};

/** A registered command as Discord returns it (the registered JSON plus id, version...). */
export type StoredCommand = JsonObject & { id: string; name: string; type: number };

type Path = (string | number)[];

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(value: unknown, at: Path, errors: FormErrors): void {
  const name = asString(value) ?? '';
  if (!NAME.test(name) || name !== name.toLowerCase()) {
    errors.add(
      [...at, 'name'],
      'APPLICATION_COMMAND_INVALID_NAME',
      `Command name is invalid: "${name}" (1-32 lowercase letters, digits, - or _)`,
    );
  }
}

function checkDescription(value: unknown, at: Path, errors: FormErrors): void {
  const length = asString(value)?.length ?? 0;
  if (length < 1 || length > 100) {
    errors.add(
      [...at, 'description'],
      'BASE_TYPE_BAD_LENGTH',
      'Must be between 1 and 100 in length.',
    );
  }
}

function checkChoices(option: JsonObject, type: number, at: Path, errors: FormErrors): void {
  if (option.choices === undefined || option.choices === null) return;
  if (type !== OptionType.String && type !== OptionType.Integer && type !== OptionType.Number) {
    errors.add(at, 'BASE_TYPE_BAD_TYPE', 'Choices are only allowed for STRING, INTEGER and NUMBER');
  }
  const choices = objects(option.choices);
  if (choices.length > 25) errors.add(at, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  if (choices.length > 0 && option.autocomplete === true) {
    errors.add(
      at,
      'APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE',
      'Autocomplete cannot be enabled on options that have choices',
    );
  }
  choices.forEach((choice, j) => {
    const name = asString(choice.name)?.length ?? 0;
    if (name < 1 || name > 100 || (typeof choice.value === 'string' && choice.value.length > 100)) {
      errors.add([...at, j], 'BASE_TYPE_BAD_LENGTH', 'Choice names and values must be 1-100 long.');
    }
  });
}

/** Options of a command (`inSubcommand`: of one of its subcommands). */
function validateOptions(
  value: unknown,
  at: Path,
  errors: FormErrors,
  inSubcommand: boolean,
): void {
  const options = objects(value);
  if (options.length > 25) errors.add(at, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let seenOptional = false;
  const subcommands = options.filter((o) => o.type === OptionType.Subcommand).length;
  if (subcommands > 0 && subcommands < options.length) {
    errors.add(
      at,
      'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
      'Sub-command and sub-command group option types are mutually exclusive to all other types',
    );
  }
  options.forEach((option, i) => {
    const here = [...at, i];
    const type = asNumber(option.type) ?? 0;
    checkName(option.name, here, errors);
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
    if (!(type in OPTION_TYPE_NAMES) || (inSubcommand && type === OptionType.Subcommand)) {
      errors.add(
        [...here, 'type'],
        'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
        `option type ${type} is not one discord-fake supports here (${Object.values(OPTION_TYPE_NAMES).join(', ')}; no nesting)`,
      );
      return;
    }
    if (type === OptionType.Subcommand) {
      validateOptions(option.options, [...here, 'options'], errors, true);
      return;
    }
    if (option.required !== true) seenOptional = true;
    else if (seenOptional) {
      errors.add(
        [...here, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    checkChoices(option, type, [...here, 'choices'], errors);
  });
}

function validateCommand(body: JsonObject, at: Path, errors: FormErrors): void {
  if ((asNumber(body.type) ?? 1) !== 1) {
    errors.add(
      [...at, 'type'],
      'BASE_TYPE_CHOICES',
      'discord-fake supports CHAT_INPUT (type 1) commands only.',
    );
  }
  checkName(body.name, at, errors);
  checkDescription(body.description, at, errors);
  validateOptions(body.options, [...at, 'options'], errors, false);
}

/** Commands registered globally and per guild. */
export class CommandRegistry {
  readonly #global: StoredCommand[] = [];
  readonly #guild = new Map<string, StoredCommand[]>();

  constructor(
    private readonly ids: SnowflakeGenerator,
    private readonly applicationId: string,
  ) {}

  /** Global commands without a guild id, else that guild's. */
  list(guildId?: string): StoredCommand[] {
    if (guildId === undefined) return this.#global;
    const list = this.#guild.get(guildId) ?? [];
    this.#guild.set(guildId, list);
    return list;
  }

  /** A test's registration (JSON or builders): as a PUT, but a mistake throws its Discord answer. */
  overwriteForTest(commands: unknown[], guildId?: string): StoredCommand[] {
    const json = commands.map((c) =>
      isObject(c) && typeof c.toJSON === 'function' ? (c.toJSON as () => unknown)() : c,
    );
    try {
      return this.overwrite(json, guildId);
    } catch (error) {
      if (!(error instanceof DiscordHttpError)) throw error;
      throw new FakeDiscordError(`invalid commands: ${JSON.stringify(error.body)}`);
    }
  }

  /** PUT: replaces the whole list, keeping the ids of commands whose name survives. */
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
      const name = String(command.name);
      if (seen.has(name)) {
        errors.add(
          [i, 'name'],
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          `Application command names must be unique (${name})`,
        );
      }
      seen.add(name);
    });
    const error = errors.toError();
    if (error) throw error;
    const list = this.list(guildId);
    const next = (body as JsonObject[]).map(
      (command): StoredCommand => ({
        ...command,
        id: list.find((c) => c.name === command.name)?.id ?? this.ids.next(),
        application_id: this.applicationId,
        version: this.ids.next(),
        type: 1,
        name: String(command.name),
        default_member_permissions: command.default_member_permissions ?? null,
        contexts: command.contexts ?? null,
        ...(guildId === undefined ? {} : { guild_id: guildId }),
      }),
    );
    list.splice(0, list.length, ...next);
    return next;
  }

  /** The guild's own command of that name first, then the global one. */
  find(name: string, guildId: string): StoredCommand | undefined {
    return (
      this.#guild.get(guildId)?.find((c) => c.name === name) ??
      this.#global.find((c) => c.name === name)
    );
  }

  /** `/name` of every command usable in the guild. */
  names(guildId: string): string[] {
    return [...(this.#guild.get(guildId) ?? []), ...this.#global].map((c) => `/${c.name}`);
  }
}
