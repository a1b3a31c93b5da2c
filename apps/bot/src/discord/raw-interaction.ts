/**
 * An interaction as Discord posts it to the HTTP endpoint (the raw API JSON, already
 * signature-checked), read into the same `CommandInput` the gateway adapter builds from a
 * discord.js Interaction, so both transports run identical handlers. Only the fields the
 * bot uses are read, through a zod schema: a payload without them is a bad request, not a
 * crash.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  PermissionFlagsBits,
} from 'discord.js';
import { z } from 'zod';
import type {
  AutocompleteInput,
  ButtonInput,
  CommandInput,
  ModalInput,
  OptionValue,
} from '../commands/types.js';
import type { AttachmentRef } from '../members/attachment.js';
import type { Person } from '../members/person.js';
import type { EmbedField } from '../render/payload.js';

const user = z.object({
  id: z.string(),
  username: z.string(),
  global_name: z.string().nullish(),
});
type RawUser = z.infer<typeof user>;

const member = z.object({
  user: user.optional(),
  nick: z.string().nullish(),
  /** The member's permissions in the channel, as a decimal bit set. */
  permissions: z.string().regex(/^\d+$/).optional(),
});

interface RawOption {
  name: string;
  type: number;
  value?: OptionValue | undefined;
  focused?: boolean | undefined;
  options?: RawOption[] | undefined;
}
const option: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number().int(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(option).optional(),
  }),
);

const attachment = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int().nonnegative(),
  url: z.string(),
  content_type: z.string().optional(),
});
type RawAttachment = z.infer<typeof attachment>;

function attachmentRefOf(raw: RawAttachment): AttachmentRef {
  return {
    id: raw.id,
    filename: raw.filename,
    size: raw.size,
    url: raw.url,
    contentType: raw.content_type ?? null,
  };
}

const base = {
  id: z.string(),
  application_id: z.string(),
  token: z.string(),
  guild_id: z.string().optional(),
  member: member.optional(),
  user: user.optional(),
};

const rawInteraction = z.discriminatedUnion('type', [
  z.object({ type: z.literal(InteractionType.Ping), id: z.string() }),
  z.object({
    ...base,
    type: z.literal([
      InteractionType.ApplicationCommand,
      InteractionType.ApplicationCommandAutocomplete,
    ]),
    data: z.object({
      name: z.string(),
      type: z.number().int(),
      options: z.array(option).optional(),
      resolved: z
        .object({
          users: z.record(z.string(), user).optional(),
          members: z.record(z.string(), member).optional(),
          attachments: z.record(z.string(), attachment).optional(),
        })
        .optional(),
    }),
  }),
  z.object({
    ...base,
    type: z.literal(InteractionType.MessageComponent),
    data: z.object({ custom_id: z.string(), component_type: z.number().int() }),
    // Read on its own (see shownFields): a message the bot cannot read does not lose the press.
    message: z.unknown().optional(),
  }),
  z.object({
    ...base,
    type: z.literal(InteractionType.ModalSubmit),
    data: z.object({
      custom_id: z.string(),
      components: z.array(
        z.object({
          components: z
            .array(z.object({ custom_id: z.string(), value: z.string().optional() }))
            .optional(),
        }),
      ),
    }),
  }),
]);

/** The embed fields of the message a button was on. */
const shownMessage = z.object({
  embeds: z.array(
    z.object({
      fields: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
    }),
  ),
});

/** The files on the message a button was on. */
const messageFiles = z.object({ attachments: z.array(attachment) });

export type RawInteraction = z.infer<typeof rawInteraction>;
type RawCommand = Extract<RawInteraction, { data: { name: string } }>;
type RawComponent = Extract<RawInteraction, { type: InteractionType.MessageComponent }>;
type RawModal = Extract<RawInteraction, { type: InteractionType.ModalSubmit }>;

/** What the endpoint does with a payload; `reason` is for the log, never containing the body. */
export type ReadInteraction =
  | { kind: 'ping' }
  | { kind: 'command'; raw: RawCommand; input: CommandInput }
  | { kind: 'autocomplete'; raw: RawCommand; input: AutocompleteInput }
  | { kind: 'button'; raw: RawComponent; input: ButtonInput }
  | { kind: 'modal'; raw: RawModal; input: ModalInput }
  | { kind: 'unsupported'; reason: string };

function personOf(raw: RawUser, nick?: string | null): Person {
  return { id: raw.id, name: nick || raw.global_name || raw.username };
}

/** The member (in a server) or the user (in a DM) who acted; null if neither is there. */
function actorOf(raw: Exclude<RawInteraction, { type: InteractionType.Ping }>): Person | null {
  const who = raw.member?.user ?? raw.user;
  return who ? personOf(who, raw.member?.nick) : null;
}

function canManageServer(raw: Exclude<RawInteraction, { type: InteractionType.Ping }>): boolean {
  const permissions = raw.member?.permissions;
  return (
    raw.guild_id !== undefined &&
    permissions !== undefined &&
    (BigInt(permissions) & PermissionFlagsBits.ManageGuild) !== 0n
  );
}

const NESTING = new Set<number>([
  ApplicationCommandOptionType.Subcommand,
  ApplicationCommandOptionType.SubcommandGroup,
]);

/** The subcommand (inside its group, if any) and the options under it. */
function leaf(options: readonly RawOption[]): { subcommand: string | null; leaves: RawOption[] } {
  const first = options[0];
  if (first && NESTING.has(first.type)) {
    const inner = leaf(first.options ?? []);
    return { subcommand: inner.subcommand ?? first.name, leaves: inner.leaves };
  }
  return { subcommand: null, leaves: [...options] };
}

function commandInputOf(raw: RawCommand, actor: Person): CommandInput {
  const { subcommand, leaves } = leaf(raw.data.options ?? []);
  const options: Record<string, OptionValue> = {};
  const people: Record<string, Person> = {};
  const attachments: Record<string, AttachmentRef> = {};
  for (const o of leaves) {
    if (o.value === undefined) continue;
    options[o.name] = o.value;
    const file =
      o.type === ApplicationCommandOptionType.Attachment && typeof o.value === 'string'
        ? raw.data.resolved?.attachments?.[o.value]
        : undefined;
    if (file) attachments[o.name] = attachmentRefOf(file);
    if (o.type === ApplicationCommandOptionType.User && typeof o.value === 'string') {
      const named = raw.data.resolved?.users?.[o.value];
      if (named) people[named.id] = personOf(named, raw.data.resolved?.members?.[o.value]?.nick);
    }
  }
  return {
    command: raw.data.name,
    user: actor,
    guildId: raw.guild_id ?? null,
    canManageServer: canManageServer(raw),
    subcommand,
    options,
    people,
    attachments,
  };
}

/** Reads an interaction payload (already parsed from JSON); never throws. */
export function readInteraction(json: unknown): ReadInteraction {
  const parsed = rawInteraction.safeParse(json);
  if (!parsed.success) return { kind: 'unsupported', reason: 'not an interaction this bot reads' };
  const raw = parsed.data;
  if (raw.type === InteractionType.Ping) return { kind: 'ping' };
  const actor = actorOf(raw);
  if (!actor) return { kind: 'unsupported', reason: 'no member or user in the interaction' };
  if (raw.type === InteractionType.MessageComponent) {
    if (raw.data.component_type !== ComponentType.Button) {
      return { kind: 'unsupported', reason: `component type ${raw.data.component_type}` };
    }
    const shown = shownMessage.safeParse(raw.message);
    const fields: EmbedField[] = shown.success
      ? shown.data.embeds.flatMap((e) => e.fields ?? [])
      : [];
    const files = messageFiles.safeParse(raw.message);
    return {
      kind: 'button',
      raw,
      input: {
        user: actor,
        guildId: raw.guild_id ?? null,
        customId: raw.data.custom_id,
        shown: fields,
        attachments: files.success ? files.data.attachments.map(attachmentRefOf) : [],
      },
    };
  }
  if (raw.type === InteractionType.ModalSubmit) {
    const values: Record<string, string> = {};
    for (const row of raw.data.components) {
      for (const input of row.components ?? []) values[input.custom_id] = input.value ?? '';
    }
    return {
      kind: 'modal',
      raw,
      input: { user: actor, guildId: raw.guild_id ?? null, customId: raw.data.custom_id, values },
    };
  }
  if (raw.data.type !== ApplicationCommandType.ChatInput) {
    return { kind: 'unsupported', reason: `application command type ${raw.data.type}` };
  }
  const input = commandInputOf(raw, actor);
  if (raw.type === InteractionType.ApplicationCommand) return { kind: 'command', raw, input };
  const focused = leaf(raw.data.options ?? []).leaves.find((o) => o.focused);
  return {
    kind: 'autocomplete',
    raw,
    input: {
      ...input,
      focused: { name: focused?.name ?? '', value: String(focused?.value ?? '') },
    },
  };
}
