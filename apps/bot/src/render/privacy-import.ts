/** `/privacy import`: the private preview, and every answer after it. */
import { type Certification, credentialName, formatUsDate, getOpportunity } from '@cec/rules';
import type { ImportDiff, ImportSource } from '../members/import-plan.js';
import { fitLines } from './format.js';
import { COLORS, type Reply } from './payload.js';
import { renderProblem } from './problems.js';

/** The file the preview carries: what Import reads back when pressed. */
export const PENDING_FILE = 'cec-import.json';

const NOTHING = 'Nothing was imported.';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function certificationLine(c: Certification): string {
  const when =
    c.expires !== undefined
      ? `expires ${formatUsDate(c.expires)}`
      : `certified ${formatUsDate(c.certified ?? '')}`;
  return `${credentialName(c.credential)}, ${when}`;
}

function counts(diff: ImportDiff): string {
  const parts = [
    ...(diff.certifications.length > 0
      ? [plural(diff.certifications.length, 'certification', 'certifications')]
      : []),
    ...(diff.activities.length > 0 ? [plural(diff.activities.length, 'entry', 'entries')] : []),
  ];
  return parts.join(' and ');
}

function skippedLines(diff: ImportDiff): string[] {
  const { certifications, activities } = diff.duplicates;
  const skipped = [
    ...(activities > 0 ? [plural(activities, 'entry', 'entries')] : []),
    ...(certifications > 0 ? [plural(certifications, 'certification', 'certifications')] : []),
  ];
  return [
    ...(skipped.length > 0 ? [`Already yours, skipped: ${skipped.join(' and ')}.`] : []),
    ...diff.kept.map(
      ({ imported, yours }) =>
        `Kept yours: ${certificationLine(yours)} (the file says ${certificationLine(imported).split(', ')[1]}). Change it with \`/cert add\` if the file is right.`,
    ),
  ];
}

export function renderImportPreview(
  diff: ImportDiff,
  source: ImportSource,
  buttons: { importId: string; cancelId: string },
  pendingFile: string,
): Reply {
  const adds = [
    ...diff.certifications.map((c) => `• ${certificationLine(c)}`),
    ...diff.activities.map(
      (a) => `• ${getOpportunity(a.kind).label(a)}, ${formatUsDate(a.completed)}`,
    ),
  ];
  const from = source === 'export' ? 'a `/privacy export` file' : 'a plan file';
  return {
    ephemeral: true,
    embeds: [
      {
        title: `Import ${counts(diff)}?`,
        color: COLORS.info,
        description: [
          `From ${from}. Nothing is written until you press Import.`,
          fitLines(adds, 3000),
          ...skippedLines(diff),
        ].join('\n'),
      },
    ],
    buttons: [
      { label: 'Import', style: 'primary', customId: buttons.importId },
      { label: 'Cancel', style: 'secondary', customId: buttons.cancelId },
    ],
    files: [
      { name: PENDING_FILE, description: 'What Import will add (checked)', content: pendingFile },
    ],
  };
}

/** Nothing in the file is new to the member: no buttons, nothing to confirm. */
export function renderNothingToImport(diff: ImportDiff): Reply {
  return {
    ephemeral: true,
    content: [
      `Everything in this file is already in your records. ${NOTHING}`,
      ...skippedLines(diff),
    ].join('\n'),
  };
}

/** A file the bot could not read or the rules refuse: each problem, by entry. */
export function renderImportProblems(problems: readonly string[]): Reply {
  const intro = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  const list = fitLines(
    problems.map((p) => `• ${p}`),
    1700,
  );
  return renderProblem(`${NOTHING} The file has ${intro}:\n${list}`);
}

/** An answer that replaces the preview (its embed, buttons and file cleared). */
function replacing(content: string): Reply {
  return { ephemeral: true, content, embeds: [], buttons: [], files: [] };
}

export function renderImported(added: { certifications: number; activities: number }): Reply {
  // Another press added the same file a moment before.
  if (added.certifications === 0 && added.activities === 0) {
    return replacing(`Everything in this file is already in your records. ${NOTHING}`);
  }
  const parts = [
    ...(added.certifications > 0
      ? [plural(added.certifications, 'certification', 'certifications')]
      : []),
    plural(added.activities, 'entry', 'entries'),
  ];
  return replacing(
    `Imported ${parts.join(' and ')}. See them with \`/log list\` and \`/progress\`.`,
  );
}

export function renderImportCancelled(): Reply {
  return replacing(NOTHING);
}

export function renderImportExpired(): Reply {
  return replacing(`That preview has expired. ${NOTHING} Run \`/privacy import\` again.`);
}

/** The preview's file no longer matches its buttons: this preview cannot be used. */
export function renderImportStale(): Reply {
  return replacing(
    `${NOTHING} This preview’s file is not the one it was made with. Run \`/privacy import\` again.`,
  );
}

/** A press that could not finish (Discord slow, too many entries): the preview stays, to press again. */
export function renderImportNotDone(problem: string): Reply {
  return renderProblem(`${NOTHING} ${problem}`);
}
