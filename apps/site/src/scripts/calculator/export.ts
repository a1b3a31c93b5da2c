/**
 * The plan as files made in the browser: JSON in the plan format the rules
 * package reads (`pnpm cec plan file.json` checks it; the calculator's link
 * encodes the same plan), and CSV for a spreadsheet, one row per activity with
 * what it counts toward each certification and why, then the totals. Pure.
 */
import type { Plan } from '@cec/rules';
import type { ViewModel } from './state';

/** The plan file: certifications and activities, dates as YYYY-MM-DD. */
export function planJson(plan: Plan): string {
  return `${JSON.stringify({ certifications: plan.certifications, activities: plan.activities }, null, 2)}\n`;
}

/**
 * A cell starting with = + - @ (or a tab or carriage return) would run as a
 * formula in a spreadsheet: a title typed as "=HYPERLINK(…)" stays text behind
 * an apostrophe (OWASP "CSV injection").
 */
function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180: a header row, CRLF line ends. */
export function planCsv(vm: ViewModel): string {
  const names = vm.results.map((r) => r.name);
  const header = [
    'Date',
    'Activity',
    'Earned or planned',
    'Worth',
    ...names.map((n) => `Counts toward ${n}`),
    'Why',
  ];
  const rows = vm.activities.map((a) => [
    a.date,
    a.label,
    a.planned ? 'Planned' : 'Earned',
    a.worth,
    ...a.toward.map((t) => t.counted),
    [a.reason, ...new Set(a.toward.flatMap((t) => (t.cut ? [t.cut] : [])))].join(' '),
  ]);
  const blank = (value: string) => ['', value, '', '', ...vm.results.map(() => ''), ''];
  const totals = vm.results.length
    ? [
        ['', 'Earned', '', '', ...vm.results.map((r) => r.earned), ''],
        ['', 'Planned', '', '', ...vm.results.map((r) => r.planned), ''],
        ['', 'Remaining', '', '', ...vm.results.map((r) => r.remaining), ''],
      ]
    : [blank(vm.warnings.join(' '))];
  return `${[header, ...rows, ...totals].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
