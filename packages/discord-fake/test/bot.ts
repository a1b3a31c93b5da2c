/** A tiny inline bot on the real discord.js client, used by the tests. */
import { once } from 'node:events';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  ComponentType,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { FakeDiscord } from '../src/index.js';

export const LOG_ENTRIES = ['abs', 'abc-workshop', 'cpr', 'yoga'];

export const commands = [
  new SlashCommandBuilder()
    .setName('echo')
    .setDescription('Echo text back')
    .addStringOption((o) => o.setName('text').setDescription('What to say').setRequired(true))
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see it')),
  new SlashCommandBuilder().setName('slow').setDescription('Defers, then edits'),
  new SlashCommandBuilder().setName('multi').setDescription('Replies and follows up'),
  new SlashCommandBuilder().setName('tidy').setDescription('Replies, then deletes the reply'),
  new SlashCommandBuilder()
    .setName('log')
    .setDescription('Manage the log')
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove an entry')
        .addStringOption((o) =>
          o.setName('entry').setDescription('Entry').setRequired(true).setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Add hours')
        .addIntegerOption((o) =>
          o
            .setName('hours')
            .setDescription('Hours')
            .setRequired(true)
            .setMinValue(1)
            .setMaxValue(40),
        )
        .addStringOption((o) =>
          o
            .setName('term')
            .setDescription('Term')
            .addChoices({ name: '2 years', value: '2yr' }, { name: '1 year', value: '1yr' }),
        ),
    ),
  new SlashCommandBuilder().setName('counter').setDescription('A counter with a button'),
  new SlashCommandBuilder().setName('report').setDescription('Sends a CSV file'),
  new SlashCommandBuilder().setName('vanity').setDescription('Calls a route the fake lacks'),
  new SlashCommandBuilder()
    .setName('notify')
    .setDescription('Posts to a channel and DMs a user')
    .addUserOption((o) => o.setName('user').setDescription('Who').setRequired(true))
    .addChannelOption((o) =>
      o
        .setName('channel')
        .setDescription('Where')
        .setRequired(true)
        .addChannelTypes(ChannelType.GuildText),
    ),
  new SlashCommandBuilder()
    .setName('whois')
    .setDescription('Describes a member')
    .addUserOption((o) => o.setName('user').setDescription('Who').setRequired(true)),
  new SlashCommandBuilder()
    .setName('admin')
    .setDescription('Admins only')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  new SlashCommandBuilder().setName('ignore').setDescription('The bot never answers this'),
  new SlashCommandBuilder().setName('embed').setDescription('Replies with an embed'),
  new SlashCommandBuilder().setName('poll').setDescription('Posts a message with a button'),
  new SlashCommandBuilder()
    .setName('feedback')
    .setDescription('Opens a modal')
    .addBooleanOption((o) => o.setName('long-title').setDescription('A title Discord refuses')),
];

export interface TestBot {
  client: Client;
  /** Errors the bot's handlers hit (REST failures and the like). */
  errors: Error[];
  destroy(): Promise<void>;
}

async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isModalSubmit()) {
    await interaction.reply({
      content: `thanks: ${interaction.fields.getTextInputValue('feedback-text')}`,
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond(
      LOG_ENTRIES.filter((e) => e.startsWith(typed)).map((e) => ({ name: e, value: e })),
    );
    return;
  }
  if (interaction.isButton()) {
    const [kind, n] = interaction.customId.split(':');
    if (kind === 'vote') {
      await interaction.reply({
        content: `${interaction.user.username} voted`,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const next = Number(n) + 1;
    await interaction.update({ content: `count: ${next}`, components: [counterRow(next)] });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'echo': {
      const text = interaction.options.getString('text', true);
      const hidden = interaction.options.getBoolean('private') ?? true;
      await interaction.reply({
        content: `echo: ${text}`,
        flags: hidden ? MessageFlags.Ephemeral : undefined,
      });
      return;
    }
    case 'slow':
      await interaction.deferReply();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await interaction.editReply('done slowly');
      return;
    case 'multi':
      await interaction.reply('first');
      await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
      return;
    case 'tidy':
      await interaction.reply('soon gone');
      await interaction.deleteReply();
      return;
    case 'log': {
      if (interaction.options.getSubcommand() === 'remove') {
        await interaction.reply(`removed ${interaction.options.getString('entry', true)}`);
      } else {
        const hours = interaction.options.getInteger('hours', true);
        const term = interaction.options.getString('term') ?? 'none';
        await interaction.reply(`added ${hours}h (${term})`);
      }
      return;
    }
    case 'counter':
      await interaction.reply({ content: 'count: 0', components: [counterRow(0)] });
      return;
    case 'report':
      await interaction.reply({
        content: 'your report',
        files: [
          new AttachmentBuilder(Buffer.from('date,hours\n2024-01-01,2\n'), { name: 'report.csv' }),
        ],
      });
      return;
    case 'vanity':
      try {
        await interaction.guild?.fetchVanityData();
        await interaction.reply('vanity ok');
      } catch {
        await interaction.reply({ content: 'vanity failed', flags: MessageFlags.Ephemeral });
      }
      return;
    case 'notify': {
      const user = interaction.options.getUser('user', true);
      const channel = interaction.options.getChannel('channel', true, [ChannelType.GuildText]);
      await channel.send(`heads up, ${user.username}`);
      await user.send('you have a notification');
      await interaction.reply({ content: 'notified', flags: MessageFlags.Ephemeral });
      return;
    }
    case 'whois': {
      const user = interaction.options.getUser('user', true);
      const member = interaction.options.getMember('user');
      const joined = member && 'joinedTimestamp' in member ? 'a member' : 'not a member';
      await interaction.reply(`${user.username} is ${joined}`);
      return;
    }
    case 'admin':
      await interaction.reply('admin ok');
      return;
    case 'poll': {
      const channel = interaction.channel;
      if (channel?.isSendable()) {
        await channel.send({
          content: 'vote here',
          components: [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder()
                .setCustomId('vote')
                .setLabel('Vote')
                .setStyle(ButtonStyle.Success),
            ),
          ],
        });
      }
      await interaction.reply({ content: 'poll posted', flags: MessageFlags.Ephemeral });
      return;
    }
    case 'feedback':
      if (interaction.options.getBoolean('long-title')) {
        // Raw JSON: discord.js's ModalBuilder would refuse the title before sending it.
        await interaction.showModal({
          custom_id: 'feedback-modal',
          title: 'F'.repeat(46),
          components: [
            {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.TextInput,
                  custom_id: 'feedback-text',
                  label: 'Your feedback',
                  style: TextInputStyle.Paragraph,
                },
              ],
            },
          ],
        });
        return;
      }
      await interaction.showModal(
        new ModalBuilder()
          .setCustomId('feedback-modal')
          .setTitle('Feedback')
          .addComponents(
            new ActionRowBuilder<TextInputBuilder>().addComponents(
              new TextInputBuilder()
                .setCustomId('feedback-text')
                .setLabel('Your feedback')
                .setStyle(TextInputStyle.Paragraph),
            ),
          ),
      );
      return;
    case 'embed':
      await interaction.reply({
        embeds: [
          new EmbedBuilder()
            .setTitle('Summary')
            .setDescription('2 of 3 done')
            .addFields({ name: 'CPR', value: 'expires soon' }),
        ],
      });
      return;
    default:
      return;
  }
}

function counterRow(n: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`inc:${n}`).setLabel('+1').setStyle(ButtonStyle.Primary),
    new ButtonBuilder()
      .setCustomId('off')
      .setLabel('Off')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(true),
  );
}

/** Logs a client in to the fake, waits for ClientReady, registers the commands. */
export async function startBot(
  fake: FakeDiscord,
  options: { shards?: number[]; shardCount?: number } = {},
): Promise<TestBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...fake.clientOptions(),
    ...(options.shards ? { shards: options.shards, shardCount: options.shardCount } : {}),
  });
  const errors: Error[] = [];
  client.on(Events.Error, (error) => errors.push(error));
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => {
      errors.push(error instanceof Error ? error : new Error(String(error)));
    });
  });
  const ready = once(client, Events.ClientReady);
  await client.login('fake-token');
  await ready;
  await client.application?.commands.set(commands.map((c) => c.toJSON()));
  return {
    client,
    errors,
    destroy: () => client.destroy(),
  };
}
