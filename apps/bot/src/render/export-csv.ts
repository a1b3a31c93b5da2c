/**
 * The export as a spreadsheet: one row per entry with the rules' field labels
 * as headers, what each certification's evaluation counts for it (and why
 * when that is less than it is worth), then each certification's totals under
 * its column. Dates stay ISO (YYYY-MM-DD): every spreadsheet reads that as the
 * same day in any locale, where 03/04/2026 is 4 March in half of them.
 */
import {
  type CertificationEvaluation,
  COMPLETED_FIELD,
  credentialName,
  type FieldDescriptor,
  formatCecs,
  isCredentialId,
  OPPORTUNITIES,
  type PlanEvaluation,
} from '@cec/rules';
import type { MemberPlan } from '../members/plan.js';
import type { GroupMember, StoredActivity, StoredCertification } from '../store/index.js';
import { type CsvCell, toCsv } from './csv.js';

export interface CsvData {
  certifications: readonly StoredCertification[];
  /** The member's plan (entries the rules accept) and its evaluation for today. */
  plan: MemberPlan;
  evaluation: PlanEvaluation;
  groups: readonly GroupMember[];
}

/**
 * One column per field label: opportunities that share a field name under
 * different labels ("Course title", "Description") get a column each, so every
 * header is what the member was asked.
 */
const FIELD_LABELS = [
  ...new Set(OPPORTUNITIES.flatMap((o) => o.fields.map((f: FieldDescriptor) => f.label))),
];

const COLUMN = {
  record: 'Record',
  entry: 'Entry',
  activity: 'Activity',
  date: COMPLETED_FIELD.label,
  planned: 'Planned',
  worth: 'Worth (CECs)',
  note: 'Why not counted in full',
  certification: 'Certification',
  expires: 'Expires',
  certified: 'Certified on',
  server: 'Group board (server id)',
  recorded: 'Recorded at',
} as const;

function countedHeader(evaluation: CertificationEvaluation, all: readonly unknown[]): string {
  return all.length === 1 ? 'CECs counted' : `CECs counted: ${evaluation.name}`;
}

function fieldText(field: FieldDescriptor, value: unknown): CsvCell {
  if (value === undefined || value === null) return undefined;
  if (field.type === 'choice') {
    return field.choices.find((c) => c.value === value)?.label ?? String(value);
  }
  if (field.type === 'boolean') return value === true ? 'yes' : 'no';
  if (field.type === 'cecs' && typeof value === 'number') return formatCecs(Math.round(value * 10));
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function certificationName(id: string): string {
  return isCredentialId(id) ? credentialName(id) : id;
}

export function memberCsv(data: CsvData): string {
  const certs = data.evaluation.certifications;
  const counted = certs.map((c) => countedHeader(c, certs));
  const header = [
    COLUMN.record,
    COLUMN.entry,
    COLUMN.activity,
    COLUMN.date,
    ...FIELD_LABELS,
    COLUMN.planned,
    ...counted,
    COLUMN.worth,
    COLUMN.note,
    COLUMN.certification,
    COLUMN.expires,
    COLUMN.certified,
    COLUMN.server,
    COLUMN.recorded,
  ];
  const row = (values: Record<string, CsvCell>): CsvCell[] => header.map((h) => values[h]);

  const entryRow = (entry: StoredActivity, index: number | null, problems: string[]) => {
    const values: Record<string, CsvCell> = {
      [COLUMN.record]: 'Entry',
      [COLUMN.entry]: entry.id,
      [COLUMN.date]: String(entry.activity.completed ?? ''),
      [COLUMN.recorded]: entry.createdAt,
    };
    const kind = String(entry.activity.kind ?? '');
    const known = OPPORTUNITIES.find((o) => o.id === kind);
    values[COLUMN.activity] = known?.name ?? kind;
    for (const field of known?.fields ?? []) {
      values[field.label] = fieldText(field, entry.activity[field.name]);
    }
    if (index === null) {
      values[COLUMN.note] = `Not counted: ${problems.join(' ')}`;
      return row(values);
    }
    const own = data.evaluation.activities[index];
    values[COLUMN.planned] = own?.planned ? 'yes' : 'no';
    const notes: string[] = [];
    let differs = false;
    certs.forEach((cert, c) => {
      const item = cert.items.find((i) => i.index === index);
      if (!item) return;
      values[counted[c] ?? ''] = formatCecs(item.counted);
      if (item.counted !== own?.tenths) differs = true;
      // Why a row counts less than it is worth: the cut, or the rule's own reason for 0.
      const why = item.cut ?? (item.counted === 0 ? item.reason : null);
      if (why) notes.push(certs.length === 1 ? why : `${cert.name}: ${why}`);
    });
    if (own && (differs || certs.length === 0)) values[COLUMN.worth] = formatCecs(own.tenths);
    if (certs.length === 0 && own?.tenths === 0) notes.push(own.reason);
    if (notes.length > 0) values[COLUMN.note] = notes.join(' ');
    return row(values);
  };

  const rows: CsvCell[][] = [
    ...data.certifications.map((c) =>
      row({
        [COLUMN.record]: 'Certification',
        [COLUMN.certification]: certificationName(c.credential),
        [COLUMN.expires]: c.expires,
        [COLUMN.certified]: c.certified,
        [COLUMN.recorded]: c.updatedAt,
      }),
    ),
    ...data.plan.entries.map((entry, index) => entryRow(entry, index, [])),
    ...data.plan.skipped.map(({ entry, problems }) => entryRow(entry, null, problems)),
    ...data.groups.map((g) =>
      row({
        [COLUMN.record]: 'Group board',
        [COLUMN.server]: g.guildId,
        [COLUMN.recorded]: g.joinedAt,
      }),
    ),
    // Each certification's totals sit under its "CECs counted" column.
    ...(
      [
        ['Earned', (c: CertificationEvaluation) => c.earned],
        ['Planned', (c: CertificationEvaluation) => c.planned],
        ['Required', (c: CertificationEvaluation) => c.required],
        ['Remaining', (c: CertificationEvaluation) => c.remaining],
      ] as const
    ).flatMap(([label, total]) =>
      certs.length === 0
        ? []
        : [
            row({
              [COLUMN.record]: `Total ${label.toLowerCase()}`,
              ...Object.fromEntries(certs.map((c, i) => [counted[i] ?? '', formatCecs(total(c))])),
            }),
          ],
    ),
  ];
  return toCsv(header, rows);
}
