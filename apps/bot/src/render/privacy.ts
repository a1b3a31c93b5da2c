/** `/privacy`: a member's data export, and the confirmation before deleting it. */
import type { MemberReminders, StoredActivity } from '../store/index.js';
import { type CsvData, memberCsv } from './export-csv.js';
import { COLORS, type Reply } from './payload.js';

export interface MemberData extends CsvData {
  userId: string;
  exportedAt: string;
  /** Every stored entry, including any the rules no longer accept. */
  activities: readonly StoredActivity[];
  reminders: MemberReminders;
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
