import * as z from 'zod/mini';
import { cecsField, completedField, fieldError, textField } from '../fields.js';
import { exactTenths, formatCecs } from '../units.js';
import type { OpportunityGuide, OpportunityRule } from './opportunity.js';

export const PETITION_STATUSES = ['pending', 'approved', 'denied'] as const;

const schema = z.strictObject({
  kind: z.literal('petition'),
  title: textField('Course title'),
  status: z.enum(PETITION_STATUSES, fieldError('Status', '"pending", "approved" or "denied"')),
  cecs: cecsField('CECs'),
  completed: completedField,
});
export type PetitionActivity = z.infer<typeof schema>;

export const rule: OpportunityRule<PetitionActivity> = {
  id: 'petition',
  name: 'Petition for a course that is not ACE-approved',
  limitPerCycle: null,
  schema,
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
};

export const guide: OpportunityGuide<PetitionActivity> = {
  id: 'petition',
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
  question: {
    keywords: [
      'petition',
      'not approved',
      'non-approved',
      'unapproved',
      'not ace-approved',
      'other course',
    ],
    examples: ['petition a course that is not ACE-approved'],
    answer: () => ({
      tenths: null,
      explanation:
        'A course that is not ACE-approved can be petitioned: ACE reviews it (about 30 days) and may approve CECs or deny it.',
      options: [],
    }),
  },
  examples: [
    { activity: { kind: 'petition', title: 'Pilates mat course', status: 'pending', cecs: 0.5 } },
    { activity: { kind: 'petition', title: 'Pilates mat course', status: 'approved', cecs: 0.5 } },
  ],
};
