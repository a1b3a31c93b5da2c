import { HOW_PETITION } from '../submission.js';
import { formatCecs, type Tenths } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

/** S1: broadening "is worth 0.5 CECs". */
const BROADENING: Tenths = 5;
const cecs = formatCecs(BROADENING);

export const opportunity = defineOpportunity({
  id: 'ncca-certification',
  name: 'A certification from another NCCA-accredited provider',
  command: {
    name: 'broaden',
    description: 'A certification from another NCCA-accredited provider',
  },
  limitPerCycle: null,
  fields: [
    {
      name: 'name',
      type: 'text',
      label: 'Certification name',
      help: 'The certification and its provider (it must be NCCA-accredited)',
      example: 'NSCA-CPT',
    },
  ],
  credit(activity) {
    if (/\bace\b/i.test(activity.name)) {
      return {
        tenths: 0,
        reason:
          'An ACE certification is not from a separate provider: record it as an extra ACE certification instead.',
      };
    }
    return {
      tenths: BROADENING,
      reason: `A fitness-related certification from a separate NCCA-accredited provider earns ${cecs} CECs (S1).`,
    };
  },
  label: (activity) => `Certification: ${activity.name}`,
  // The same certification entered twice is one certification.
  repeatKey: (activity) =>
    `The certification "${activity.name.trim().replace(/\s+/g, ' ').toUpperCase()}"`,
  repeatReason: 'One certification earns its credit once, however often it is entered.',
  value: `${cecs} for each certification`,
  description:
    'A fitness-related certification from a separate (non-ACE) provider whose certification is accredited by the NCCA.',
  evidence: 'The certificate, showing the provider, the certification and the date.',
  source: {
    id: 'S1',
    quote:
      'Broadening. Obtaining a fitness-related certification from a separate NCCA-accredited provider is worth 0.5 CECs toward your ACE certification renewal.',
  },
  interpretation: `This counts only if the certification itself is NCCA-accredited: we cannot check that for you. The source states no limit per cycle, so we credit ${cecs} for each different certification; the same one entered twice counts once.`,
  suggest: {
    adds: BROADENING,
    effort: 3,
    text: `Earn a fitness certification from another NCCA-accredited provider: ${cecs} CECs.`,
    how: HOW_PETITION,
  },
  examples: [{ activity: { kind: 'ncca-certification', name: 'NSCA-CPT' } }],
});
export type NccaCertificationActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
