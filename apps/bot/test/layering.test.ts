/**
 * The bot's layers, checked from the import statements of src/: reminders
 * and members are used by commands and never the other way round, render
 * stays pure, and the store knows nothing above it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', 'src');

/** What each folder of src/ must not import from. */
const FORBIDDEN: Record<string, readonly string[]> = {
  reminders: ['commands', 'discord', 'console'],
  members: ['commands', 'reminders', 'discord', 'console'],
  render: ['commands', 'reminders', 'discord', 'console'],
  store: ['commands', 'members', 'reminders', 'render', 'discord', 'console'],
};

/** Every module specifier in `from '…'`, `import '…'` and `import('…')`. */
function importedPaths(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? '',
  );
}

/** The src/ folder (or top-level module) a path under src/ belongs to. */
function layerOf(path: string): string {
  return (
    relative(SRC, path)
      .split(sep)[0]
      ?.replace(/\.[jt]s$/, '') ?? ''
  );
}

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(SRC, name));

/** Each file's imports of other modules of src/, as [importing file, imported layer]. */
const edges = files.flatMap((file) =>
  importedPaths(readFileSync(file, 'utf8'))
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => ({
      file: relative(SRC, file),
      layer: layerOf(file),
      imports: layerOf(resolve(dirname(file), specifier)),
    })),
);

describe('the layers of src/', () => {
  test('import statements are found, over several lines and as dynamic imports', () => {
    const source = [
      "import type {\n  Store,\n} from '../store/index.js';",
      "export { x } from './x.js';",
      "import './side-effect.js';",
      "const m = await import('../commands/run.js');",
    ].join('\n');
    expect(importedPaths(source)).toEqual([
      '../store/index.js',
      './x.js',
      './side-effect.js',
      '../commands/run.js',
    ]);
    // The real tree is read: the scheduler's members import is one of the edges.
    expect(edges).toContainEqual({
      file: join('reminders', 'scheduler.ts'),
      layer: 'reminders',
      imports: 'members',
    });
  });

  const rules = Object.entries(FORBIDDEN).map(([layer, forbidden]) => ({
    layer,
    forbidden,
    names: forbidden.join(', '),
  }));
  test.each(rules)('$layer/ imports nothing from $names', ({ layer, forbidden }) => {
    const crossing = edges.filter((e) => e.layer === layer && forbidden.includes(e.imports));
    expect(crossing).toEqual([]);
  });
});
