import { HOW_PETITION } from '../submission.js';
import { exactTenths, formatCecs } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

export const PETITION_STATUSES = ['pending', 'approved', 'denied'] as const;

export const opportunity = defineOpportunity({
  id: 'petition',
  name: 'Petition for a course that is not ACE-approved',
  command: { name: 'petition', description: 'A petitioned course that is not ACE-approved' },
  limitPerCycle: null,
  fields: [
    { name: 'title', type: 'text', label: 'Course title', example: 'Pilates mat course' },
    {
      name: 'status',
      type: 'choice',
      label: 'Petition status',
      help: 'Where the petition stands with ACE',
      example: 'pending',
      choices: PETITION_STATUSES.map((s) => ({
        value: s,
        label: `${s[0]?.toUpperCase()}${s.slice(1)}`,
      })),
    },
    {
      name: 'cecs',
      type: 'cecs',
      label: 'CECs requested or approved',
      help: 'Requested, or approved once ACE decides',
      example: '0.5',
    },
    // Appended after the others: a calculator link holds fields by position.
    {
      name: 'ethics',
      type: 'boolean',
      label: 'Covers professional conduct and ethics',
      example: 'false',
      default: false,
    },
  ],
  credit(activity) {
    const tenths = exactTenths(activity.cecs) ?? 0;
    if (activity.status === 'approved') {
      return { tenths, reason: `Petition approved by ACE for ${formatCecs(tenths)} CECs.` };
    }
    if (activity.status === 'denied') {
      return { tenths: 0, reason: 'Petition denied by ACE: no credit.' };
    }
    return {
      tenths: 0,
      reason: `Petition pending (${formatCecs(tenths)} CECs requested): counts once ACE approves it; reviews take about 30 days (S4).`,
    };
  },
  label: (activity) => `Petition: ${activity.title} (${activity.status})`,
  value: 'The amount ACE approves; nothing while pending or if denied',
  description:
    'A course that is not ACE-approved can be submitted with a petition form and supporting documents. ACE reviews it (about 30 days, S4) and may approve some CECs or deny it.',
  evidence: 'The course description, agenda with hours, proof of completion, and ACE’s decision.',
  source: {
    id: 'S1',
    quote:
      'If you have completed a course that’s not currently ACE-approved, you can submit a petition form online, along with the necessary supporting documentation, to potentially receive credit.',
  },
  interpretation:
    'While a petition is pending we count nothing and show the amount requested; once approved, enter the amount ACE approved.',
  suggest: {
    adds: 'rest',
    effort: 2,
    text: 'Petition a completed course that is not ACE-approved: ACE decides what it is worth.',
    how: HOW_PETITION,
  },
  examples: [
    {
      activity: {
        kind: 'petition',
        title: 'Pilates mat course',
        status: 'pending',
        cecs: 0.5,
        ethics: false,
      },
    },
    {
      activity: {
        kind: 'petition',
        title: 'Pilates mat course',
        status: 'approved',
        cecs: 0.5,
        ethics: false,
      },
    },
  ],
});
export type PetitionActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
