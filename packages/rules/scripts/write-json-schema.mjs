// Writes dist/plan.schema.json from the plan's zod schema, so editors and
// other tools can check plan files without running our code.
import { writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { DATE_FORMAT_HINT, planSchema } from '../dist/index.js';

const DATE_FIELDS = new Set(['today', 'expires', 'certified', 'completed']);
const DATE_PATTERN = '^(\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{1,2}-\\d{1,2})$';

// Dates are checked by code (impossible dates too); the schema can still say their shape.
function describeDates(node) {
  if (Array.isArray(node)) return node.forEach(describeDates);
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node.properties ?? {})) {
    if (DATE_FIELDS.has(key) && value.type === 'string') {
      value.pattern = DATE_PATTERN;
      value.description = `A calendar date: ${DATE_FORMAT_HINT}.`;
    }
  }
  Object.values(node).forEach(describeDates);
}

const schema = z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' });
describeDates(schema);
schema.title = 'CEC Toolkit plan';
schema.description =
  'A member’s ACE certifications and activities, for the unofficial CEC Toolkit (not affiliated with ACE).';
writeFileSync(
  new URL('../dist/plan.schema.json', import.meta.url),
  `${JSON.stringify(schema, null, 2)}\n`,
);
