/**
 * Options that `/cec` and `/log` share (bot.md: `/log <kind>` takes the same
 * options as the matching `/cec` subcommand), built once so both stay alike.
 * Choices come from the rules package.
 */
import {
  CPR_TERMS,
  CREDENTIAL_IDS,
  CREDENTIALS,
  GRADES,
  type OpportunityId,
  PETITION_STATUSES,
} from '@cec/rules';
import type {
  SlashCommandBooleanOption,
  SlashCommandNumberOption,
  SlashCommandStringOption,
} from 'discord.js';

/** Subcommand names (the contract) and the rules opportunity each one means. */
export const OPPORTUNITY_OF = {
  cpr: 'cpr-aed',
  college: 'college',
  course: 'approved-course',
  present: 'presentation',
  publish: 'publication',
  broaden: 'ncca-certification',
  mentor: 'mentoring',
  'extra-cert': 'ace-certification',
  petition: 'petition',
} as const satisfies Record<string, OpportunityId>;

export type KindName = keyof typeof OPPORTUNITY_OF;

export const termOption = (o: SlashCommandStringOption) =>
  o
    .setName('term')
    .setDescription('Length of the CPR/AED certificate')
    .setRequired(true)
    .addChoices(
      ...Object.entries(CPR_TERMS).map(([value, term]) => ({
        name: `${term.label} certificate`,
        value,
      })),
    );

export const creditsOption = (o: SlashCommandNumberOption) =>
  o
    .setName('credits')
    .setDescription('College credit hours of the course, e.g. 3')
    .setRequired(true);

export const gradeOption = (o: SlashCommandStringOption) =>
  o
    .setName('grade')
    .setDescription('Final grade (P = pass)')
    .setRequired(true)
    .addChoices(...GRADES.map((g) => ({ name: g, value: g })));

export const relatedOption = (o: SlashCommandBooleanOption) =>
  o
    .setName('related')
    .setDescription('Exercise science, anatomy, or health/fitness course (default: yes)');

export const courseNumberOption = (o: SlashCommandStringOption) =>
  o
    .setName('number')
    .setDescription('ACE course number from the certificate, e.g. CA23456')
    .setRequired(true)
    .setMaxLength(40);

export const courseCecsOption = (o: SlashCommandNumberOption) =>
  o.setName('cecs').setDescription('CECs printed on the certificate, e.g. 0.7').setRequired(true);

export const ethicsOption = (o: SlashCommandBooleanOption) =>
  o
    .setName('ethics')
    .setDescription('The course covers professional conduct and ethics (default: no)');

export const credentialOption = (o: SlashCommandStringOption, description: string) =>
  o
    .setName('credential')
    .setDescription(description)
    .setRequired(true)
    .addChoices(...CREDENTIAL_IDS.map((id) => ({ name: CREDENTIALS[id].name, value: id })));

export const petitionStatusOption = (o: SlashCommandStringOption) =>
  o
    .setName('status')
    .setDescription('Where the petition stands with ACE')
    .setRequired(true)
    .addChoices(...PETITION_STATUSES.map((s) => ({ name: s, value: s })));

export const dateOption = (o: SlashCommandStringOption) =>
  o
    .setName('date')
    .setDescription('Completion date, MM/DD/YYYY or YYYY-MM-DD (a later date is planned)')
    .setRequired(true)
    .setMaxLength(20);

export const titleOption = (o: SlashCommandStringOption, description: string, required: boolean) =>
  o.setName('title').setDescription(description).setRequired(required).setMaxLength(200);
