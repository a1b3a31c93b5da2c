/** `/cert`: the member's ACE certifications, whose expiration dates define their cycles. */
import { CREDENTIAL_CHOICES, CREDENTIAL_IDS, type CredentialId, isCredentialId } from '@cec/rules';
import { SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import { evaluateMember } from '../members/plan.js';
import { checkCertification } from '../members/validate.js';
import {
  extraCertificationHints,
  renderCertificationList,
  renderCertificationRemoved,
  renderCertificationSaved,
} from '../render/certifications.js';
import type { Reply } from '../render/payload.js';
import { renderProblems } from '../render/problems.js';
import { optionalText, pick, requiredText } from './options.js';
import { type Command, type CommandContext, type CommandInput, MemberError } from './types.js';

const credentialOption = (o: SlashCommandStringOption, description: string) =>
  o
    .setName('credential')
    .setDescription(description)
    .setRequired(true)
    .addChoices(...CREDENTIAL_CHOICES.map((c) => ({ name: c.label, value: c.value })));

export const data = new SlashCommandBuilder()
  .setName('cert')
  .setDescription('Your ACE certifications and their expiration dates (private)')
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Register a certification: give expires (preferred) or certified')
      .addStringOption((o) => credentialOption(o, 'Which ACE certification'))
      .addStringOption((o) =>
        o
          .setName('expires')
          .setDescription('Expiration date your ACE account shows, MM/DD/YYYY')
          .setMaxLength(20),
      )
      .addStringOption((o) =>
        o
          .setName('certified')
          .setDescription('Or: date you certified or last renewed (expiration is then estimated)')
          .setMaxLength(20),
      ),
  )
  .addSubcommand((s) => s.setName('list').setDescription('Your certifications and their cycles'))
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Remove a certification (your logged activities stay)')
      .addStringOption((o) => credentialOption(o, 'Which ACE certification')),
  );

function credentialFrom(input: CommandInput): CredentialId {
  const value = requiredText(input, 'credential', 'personal-trainer');
  if (!isCredentialId(value)) {
    throw new MemberError(
      `"${value}" is not an ACE certification this bot knows: choose one of ${CREDENTIAL_IDS.join(', ')}.`,
    );
  }
  return value;
}

async function add(input: CommandInput, context: CommandContext): Promise<Reply> {
  const credential = credentialFrom(input);
  const expires = optionalText(input, 'expires');
  const certified = optionalText(input, 'certified');
  if (expires === null && certified === null) {
    throw new MemberError(
      '`/cert add` needs `expires:` (the expiration date your ACE account shows, like 03/31/2027) or, if you only know it, `certified:` (the date you certified or last renewed).',
    );
  }
  const checked = checkCertification({
    credential,
    ...(expires === null ? {} : { expires }),
    ...(certified === null ? {} : { certified }),
  });
  if (!checked.ok) return renderProblems('That certification was not saved:', checked.problems);

  const isNew = await context.store.certifications.save(input.user.id, checked.value);
  const member = await context.members.load(input.user.id, context.today());
  const evaluations = evaluateMember(member).certifications;
  const evaluation = evaluations.find((c) => c.credential === credential);
  if (!evaluation) throw new Error('A saved certification is missing from the evaluated plan.');
  return renderCertificationSaved(
    evaluation,
    isNew,
    extraCertificationHints(evaluations, credential),
  );
}

async function list(input: CommandInput, context: CommandContext): Promise<Reply> {
  const member = await context.members.load(input.user.id, context.today());
  return renderCertificationList(evaluateMember(member).certifications);
}

async function remove(input: CommandInput, context: CommandContext): Promise<Reply> {
  const credential = credentialFrom(input);
  const removed = await context.store.certifications.remove(input.user.id, credential);
  return renderCertificationRemoved(credential, removed);
}

const SUBCOMMANDS = { add, list, remove } as const;

export const cert: Command = {
  data,
  ephemeral: () => true,
  defers: () => false,
  async execute(input, context) {
    const run = pick(SUBCOMMANDS, input.subcommand);
    if (!run) throw new MemberError('`/cert` needs one of: add, list, remove.');
    return run(input, context);
  },
};
