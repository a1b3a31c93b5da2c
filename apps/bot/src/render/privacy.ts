/** `/privacy`: a member's data export, and the confirmation before deleting it. */
import type {
  GroupMember,
  MemberReminders,
  StoredActivity,
  StoredCertification,
} from '../store/index.js';
import { type CsvCell, toCsv } from './csv.js';
import { COLORS, type Reply } from './payload.js';

export interface MemberData {
  userId: string;
  exportedAt: string;
  certifications: readonly StoredCertification[];
  activities: readonly StoredActivity[];
  groups: readonly GroupMember[];
  reminders: MemberReminders;
}

const ACTIVITY_FIELDS = [
  'term',
  'creditHours',
  'grade',
  'related',
  'courseNumber',
  'cecs',
  'ethics',
  'status',
  'credential',
  'name',
  'title',
] as const;

const COLUMNS = [
  'record',
  'id',
  'kind',
  'date',
  ...ACTIVITY_FIELDS,
  'expires',
  'certified',
  'server',
  'recorded_at',
] as const;

type Column = (typeof COLUMNS)[number];

function row(values: Partial<Record<Column, CsvCell>>): CsvCell[] {
  return COLUMNS.map((column) => values[column]);
}

/** One row per record; the columns cover every field a plan activity can have. */
export function memberCsv(data: MemberData): string {
  const rows = [
    ...data.certifications.map((c) =>
      row({
        record: 'certification',
        credential: c.credential,
        expires: c.expires,
        certified: c.certified,
        recorded_at: c.updatedAt,
      }),
    ),
    ...data.activities.map((a) => {
      const fields: Partial<Record<Column, CsvCell>> = {};
      for (const field of ACTIVITY_FIELDS) {
        const value = a.activity[field];
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
          fields[field] = value;
        }
      }
      return row({
        record: 'activity',
        id: a.id,
        kind: String(a.activity.kind ?? ''),
        date: String(a.activity.completed ?? ''),
        ...fields,
        recorded_at: a.createdAt,
      });
    }),
    ...data.groups.map((g) =>
      row({ record: 'group-board', server: g.guildId, recorded_at: g.joinedAt }),
    ),
  ];
  return toCsv(COLUMNS, rows);
}

export function memberJson(data: MemberData): string {
  return `${JSON.stringify(
    {
      exportedAt: data.exportedAt,
      discordUserId: data.userId,
      // The same shape as a plan file (`pnpm cec plan`), so the export can be checked with the CLI.
      plan: {
        certifications: data.certifications.map((c) =>
          c.expires !== null
            ? { credential: c.credential, expires: c.expires }
            : { credential: c.credential, certified: c.certified },
        ),
        activities: data.activities.map((a) => a.activity),
      },
      entries: data.activities.map((a) => ({ id: a.id, recordedAt: a.createdAt, ...a.activity })),
      groupBoards: data.groups.map((g) => ({
        server: g.guildId,
        displayName: g.displayName,
        joinedAt: g.joinedAt,
      })),
      // The member's /remind choice; chosenAt null means they never chose (the defaults).
      reminders: {
        channel: data.reminders.channel,
        dm: data.reminders.dm,
        days: data.reminders.days,
        chosenAt: data.reminders.updatedAt,
      },
    },
    null,
    2,
  )}\n`;
}

export function renderExport(data: MemberData): Reply {
  return {
    ephemeral: true,
    content: `Your data: ${data.certifications.length} certification${data.certifications.length === 1 ? '' : 's'}, ${data.activities.length} entr${data.activities.length === 1 ? 'y' : 'ies'}, ${data.groups.length} group board${data.groups.length === 1 ? '' : 's'}. The CSV opens in a spreadsheet; the JSON holds a plan file for the calculator or \`pnpm cec plan\`.`,
    files: [
      { name: 'cec-data.csv', description: 'Your records as CSV', content: memberCsv(data) },
      { name: 'cec-data.json', description: 'Your records as JSON', content: memberJson(data) },
    ],
  };
}

export function renderDeletePrompt(confirmId: string, cancelId: string): Reply {
  return {
    ephemeral: true,
    embeds: [
      {
        title: 'Delete everything the bot holds about you?',
        color: COLORS.bad,
        description:
          'This removes your certifications, every entry you logged, your place on every server’s group board, and your reminder history. It cannot be undone. Run `/privacy export` first if you want a copy.',
      },
    ],
    buttons: [
      { label: 'Delete everything', style: 'danger', customId: confirmId },
      { label: 'Cancel', style: 'secondary', customId: cancelId },
    ],
  };
}

export function renderDeleted(counts: {
  certifications: number;
  activities: number;
  groups: number;
}): Reply {
  return {
    ephemeral: true,
    content: `Deleted: ${counts.certifications} certification${counts.certifications === 1 ? '' : 's'}, ${counts.activities} entr${counts.activities === 1 ? 'y' : 'ies'}, ${counts.groups} group board membership${counts.groups === 1 ? '' : 's'}. The bot holds nothing about you now.`,
    // These replace the prompt: empty lists clear its embed and buttons.
    embeds: [],
    buttons: [],
  };
}

export function renderDeleteCancelled(): Reply {
  return { ephemeral: true, content: 'Nothing was deleted.', embeds: [], buttons: [] };
}

export function renderDeleteExpired(): Reply {
  return {
    ephemeral: true,
    content: 'That confirmation has expired and nothing was deleted. Run `/privacy delete` again.',
    embeds: [],
    buttons: [],
  };
}
