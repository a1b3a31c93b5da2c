/** Renderers and formatting: pure functions, checked on plain data. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { neutralize, toCsv } from '../src/render/csv.js';
import { fitLines, plain } from '../src/render/format.js';
import { fitReply } from '../src/render/limits.js';
import { LIMITS } from '../src/render/payload.js';
import { progressBar } from '../src/render/progress.js';
import { plainMarkup, replyToText } from '../src/render/text.js';

describe('progressBar', () => {
  test.each([
    [0, 0, '░░░░░░░░░░'],
    [20, 0, '██████████'],
    [35, 0, '██████████'],
    [9, 5, '████▓▓▓░░░'],
    [1, 0, '░░░░░░░░░░'],
    [18, 10, '█████████▓'],
  ])('earned %i, planned %i tenths → %s', (earned, planned, bar) => {
    expect(progressBar(earned, planned)).toBe(bar);
  });

  test('always ten cells, earned before planned before open (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (e, p) => {
        const bar = progressBar(e, p);
        expect([...bar]).toHaveLength(10);
        expect(bar).toMatch(/^█*▓*░*$/);
      }),
      { numRuns: 1000 },
    );
  });
});

/** A small RFC 4180 reader, to check what a spreadsheet would read back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export cells', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['2026-01-01', '2026-01-01'],
    ['plain text', 'plain text'],
  ])('%j → %j', (cell, safe) => {
    expect(neutralize(cell)).toBe(safe);
  });

  test('any text reads back as itself, and never as a formula (2,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }),
        (cells) => {
          const rows = readCsv(toCsv(['h'], [cells]));
          expect(rows).toHaveLength(2);
          const back = rows[1] ?? [];
          expect(back).toEqual(cells.map(neutralize));
          for (const cell of back) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('fitting Discord’s limits', () => {
  test('fitLines keeps whole lines and says how many are left out', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(30)}`);
    const text = fitLines(lines, 400);
    expect(text.length).toBeLessThanOrEqual(400);
    expect(text).toMatch(/…and \d+ more$/);
    expect(fitLines(['a', 'b'], 400)).toBe('a\nb');
  });

  test('fitReply brings any reply under the embed limits (300 cases)', () => {
    const field = fc.record({
      name: fc.string({ maxLength: 300 }),
      value: fc.string({ maxLength: 3000 }),
    });
    const embed = fc.record({
      title: fc.string({ maxLength: 400 }),
      description: fc.string({ maxLength: 5000 }),
      fields: fc.array(field, { maxLength: 30 }),
    });
    fc.assert(
      fc.property(
        fc.array(embed, { maxLength: 12 }),
        fc.string({ maxLength: 3000 }),
        (embeds, content) => {
          const fitted = fitReply({ ephemeral: true, content, embeds });
          expect(fitted.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
          expect(fitted.embeds?.length ?? 0).toBeLessThanOrEqual(LIMITS.embeds);
          for (const e of fitted.embeds ?? []) {
            expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
            expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
            expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
            for (const f of e.fields ?? []) {
              expect(f.value.length).toBeGreaterThan(0);
              expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('member text', () => {
  test('cannot mention, link or format', () => {
    expect(plain('@everyone [click](https://evil.example) **bold** <@123>')).toBe(
      '@\u200beveryone \\[click\\](https://evil.example) \\*\\*bold\\*\\* \\<@\u200b123>',
    );
  });
});

describe('plain text for the console', () => {
  test('timestamps become dates, escapes and links are readable', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const noonAug1 = Date.UTC(2026, 7, 1, 12) / 1000;
    expect(plainMarkup(`Expires <t:${noonAug1}:D> (<t:${noonAug1}:R>)`, now)).toBe(
      'Expires 08/01/2026 (in 2 months)',
    );
    expect(
      plainMarkup('[Open](https://x.example/?plan=a) \\[x\\] @\u200beveryone <#42>', now),
    ).toBe('Open: https://x.example/?plan=a [x] @everyone #42');
  });

  test('embeds, buttons and files are flattened in reading order', () => {
    const text = replyToText({
      ephemeral: true,
      content: 'Hello',
      embeds: [
        {
          title: 'T',
          description: 'D',
          fields: [{ name: 'F', value: 'a\nb' }],
          footer: { text: 'foot' },
        },
      ],
      buttons: [{ label: 'Go', style: 'danger', customId: 'x' }],
      files: [{ name: 'a.csv', description: 'CSV', content: 'h\r\n1\r\n' }],
    });
    expect(text).toBe(
      [
        'Hello',
        '',
        '== T ==\nD\n\nF:\n  a\n  b\n\n(foot)',
        '',
        '[1] Go\n(type "click <number>" to press a button)',
        '',
        '--- a.csv (CSV) ---\nh\r\n1',
        '',
        '(private: only you would see this in Discord)',
      ].join('\n'),
    );
  });
});
