/**
 * CSV that is safe to open in a spreadsheet. A cell that starts with = + - @
 * (or a tab or carriage return, which some programs skip before reading a
 * formula) would run as a formula: it is prefixed with an apostrophe, which
 * spreadsheets show as plain text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralize(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export type CsvCell = string | number | boolean | null | undefined;

/**
 * One header row, then the rows; CRLF line ends as RFC 4180 asks. UTF-8 with a
 * byte-order mark: without one, Excel reads a CSV in the system's code page
 * and shows "José" as "JosÃ©".
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) =>
    cells.map((c) => quote(neutralize(c === null || c === undefined ? '' : String(c)))).join(',');
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
