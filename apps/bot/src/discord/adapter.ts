/**
 * Translation between discord.js interactions and the bot's own shapes:
 * interaction → `CommandInput`, `Reply` → message payload. Every payload
 * carries `allowedMentions: { parse: [] }`, so nothing a member typed can ping,
 * unless the reply names the members it pings (`Reply.pings`): then exactly those.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  ApplicationCommandOptionType,
  type Attachment,
  AttachmentBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  ComponentType,
  type Interaction,
  MessageFlags,
  type MessageMentionOptions,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type RawFile,
  TextInputStyle,
  type User,
} from 'discord.js';
import type {
  AutocompleteInput,
  ButtonInput,
  CommandInput,
  ModalInput,
  OptionValue,
} from '../commands/types.js';
import type { AttachmentRef } from '../members/attachment.js';
import type { Person } from '../members/person.js';
import type { Button, Modal, Reply } from '../render/payload.js';

export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/** Discord's `allowed_mentions`: nobody, or exactly the members the reply pings (no roles, no @everyone). */
export type AllowedMentions = { parse: [] } | { users: string[] };

export function allowedMentionsOf(reply: Reply): AllowedMentions {
  return reply.pings?.length ? { users: [...reply.pings] } : { parse: [] };
}

function memberName(interaction: Interaction): string {
  const member = interaction.member;
  if (member && 'displayName' in member && typeof member.displayName === 'string') {
    return member.displayName;
  }
  if (member && 'nick' in member && typeof member.nick === 'string' && member.nick !== '') {
    return member.nick;
  }
  return interaction.user.globalName ?? interaction.user.username;
}

function personOf(user: User, nick?: string | null): Person {
  return { id: user.id, name: nick || user.globalName || user.username };
}

/** The leaf options (inside a subcommand, if any). */
function leafOptions(
  options: readonly CommandInteractionOption[],
): readonly CommandInteractionOption[] {
  const first = options[0];
  if (
    first &&
    (first.type === ApplicationCommandOptionType.Subcommand ||
      first.type === ApplicationCommandOptionType.SubcommandGroup)
  ) {
    return leafOptions(first.options ?? []);
  }
  return options;
}

function attachmentRefOf(attachment: Attachment): AttachmentRef {
  return {
    id: attachment.id,
    filename: attachment.name,
    size: attachment.size,
    url: attachment.url,
    contentType: attachment.contentType,
  };
}

function readOptions(interaction: ChatInputCommandInteraction | AutocompleteInteraction) {
  const options: Record<string, OptionValue> = {};
  const people: Record<string, Person> = {};
  const attachments: Record<string, AttachmentRef> = {};
  for (const option of leafOptions(interaction.options.data)) {
    if (option.value === undefined || option.value === null) continue;
    options[option.name] = option.value;
    if (option.attachment) attachments[option.name] = attachmentRefOf(option.attachment);
    if (option.type === ApplicationCommandOptionType.User && option.user) {
      const member = option.member;
      const nick =
        member && 'displayName' in member && typeof member.displayName === 'string'
          ? member.displayName
          : member && 'nick' in member
            ? (member.nick ?? null)
            : null;
      people[option.user.id] = personOf(option.user, nick);
    }
  }
  return { options, people, attachments };
}

export function commandInputOf(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): CommandInput {
  const { options, people, attachments } = readOptions(interaction);
  return {
    command: interaction.commandName,
    user: { id: interaction.user.id, name: memberName(interaction) },
    guildId: interaction.guildId,
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    subcommand: interaction.options.getSubcommand(false),
    options,
    people,
    attachments,
  };
}

export function autocompleteInputOf(interaction: AutocompleteInteraction): AutocompleteInput {
  const focused = interaction.options.getFocused(true);
  return {
    ...commandInputOf(interaction),
    focused: { name: focused.name, value: String(focused.value ?? '') },
  };
}

export function buttonInputOf(interaction: ButtonInteraction): ButtonInput {
  return {
    user: { id: interaction.user.id, name: memberName(interaction) },
    guildId: interaction.guildId,
    customId: interaction.customId,
    shown: interaction.message.embeds.flatMap((e) =>
      e.fields.map((f) => ({ name: f.name, value: f.value })),
    ),
    attachments: [...interaction.message.attachments.values()].map(attachmentRefOf),
  };
}

export function modalInputOf(interaction: ModalSubmitInteraction): ModalInput {
  const values: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) {
    if (field.type === ComponentType.TextInput) values[id] = field.value;
  }
  return {
    user: { id: interaction.user.id, name: memberName(interaction) },
    guildId: interaction.guildId,
    customId: interaction.customId,
    values,
  };
}

/** A modal as Discord's API takes it (both transports): one text input per action row. */
export function modalDataOf(modal: Modal): APIModalInteractionResponseCallbackData {
  return {
    custom_id: modal.customId,
    title: modal.title,
    components: modal.inputs.map((input) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: input.customId,
          label: input.label,
          style: TextInputStyle.Short,
          required: input.required,
          max_length: input.maxLength,
          ...(input.placeholder !== undefined ? { placeholder: input.placeholder } : {}),
          ...(input.value !== undefined ? { value: input.value } : {}),
        },
      ],
    })),
  };
}

const STYLES: Record<Button['style'], ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
  link: ButtonStyle.Link,
};

function buttonRow(buttons: readonly Button[]): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: buttons.slice(0, 5).map(
      (b): APIButtonComponent =>
        b.style === 'link'
          ? {
              type: ComponentType.Button,
              style: ButtonStyle.Link,
              label: b.label,
              url: b.url ?? '',
            }
          : {
              type: ComponentType.Button,
              style: STYLES[b.style] as ButtonStyle.Primary,
              label: b.label,
              custom_id: b.customId ?? '',
            },
    ),
  };
}

export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  files?: AttachmentBuilder[];
  allowedMentions: MessageMentionOptions;
}

/** The message body of a reply (no flags: the caller decides how it is sent). */
export function messageOf(reply: Reply): DiscordMessage {
  const message: DiscordMessage = { allowedMentions: allowedMentionsOf(reply) };
  if (reply.content !== undefined) message.content = reply.content;
  if (reply.embeds !== undefined) message.embeds = reply.embeds;
  // An empty list removes earlier buttons (e.g. once a deletion is confirmed).
  if (reply.buttons !== undefined) {
    message.components = reply.buttons.length > 0 ? [buttonRow(reply.buttons)] : [];
  }
  if (reply.files !== undefined) {
    message.files = reply.files.map(
      (f) =>
        new AttachmentBuilder(Buffer.from(f.content, 'utf8'), {
          name: f.name,
          description: f.description,
        }),
    );
  }
  return message;
}

export function replyOptionsOf(reply: Reply) {
  return {
    ...messageOf(reply),
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/**
 * A reply as Discord's API takes it (snake_case JSON, attachments as files), for the HTTP
 * transport: its interaction responses and the REST calls that follow a deferral.
 */
export interface ApiMessage {
  body: {
    content?: string;
    embeds?: APIEmbed[];
    components?: APIActionRowComponent<APIButtonComponent>[];
    attachments?: { id: number; filename: string; description: string }[];
    allowed_mentions: AllowedMentions;
    flags?: number;
  };
  files: RawFile[];
}

export function apiMessageOf(reply: Reply, options: { flags: boolean }): ApiMessage {
  const message = messageOf({ ...reply, files: undefined });
  const files = reply.files ?? [];
  return {
    body: {
      ...(message.content !== undefined ? { content: message.content } : {}),
      ...(message.embeds !== undefined ? { embeds: message.embeds } : {}),
      ...(message.components !== undefined ? { components: message.components } : {}),
      // As in messageOf: an empty list removes the files of the message being replaced.
      ...(reply.files !== undefined
        ? {
            attachments: files.map((f, id) => ({
              id,
              filename: f.name,
              description: f.description,
            })),
          }
        : {}),
      allowed_mentions: allowedMentionsOf(reply),
      ...(options.flags && reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    },
    files: files.map((f) => ({ name: f.name, data: Buffer.from(f.content, 'utf8') })),
  };
}
