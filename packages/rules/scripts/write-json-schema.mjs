// Writes dist/plan.schema.json from the plan's zod schema, so editors and
// other tools can validate plan files without running our code.
import { writeFileSync } from 'node:fs';
import { z } from 'zod/mini';
import { planSchema } from '../dist/plan.js';

const schema = z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' });
schema.title = 'CEC Toolkit plan';
schema.description =
  'A member’s ACE certifications and activities (unofficial CEC Toolkit). Dates: MM/DD/YYYY or YYYY-MM-DD.';
writeFileSync(
  new URL('../dist/plan.schema.json', import.meta.url),
  `${JSON.stringify(schema, null, 2)}\n`,
);
