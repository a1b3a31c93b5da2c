/**
 * Fuzzing `/privacy import`'s attachment: any bytes, any JSON, valid plans
 * with one field broken, the bot's own export wrapped around them, under any
 * content type and any declared size, served from a local attachment origin;
 * then the preview's buttons with any id and any files. Nothing may throw;
 * every answer is private, explained and within Discord's limits; the preview
 * writes nothing, and what an Import writes is a plan the rules accept.
 * Prints how many cases it tried.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCommandContext } from '../../src/commands/context.js';
import { privacy } from '../../src/commands/privacy.js';
import { runButton, runCommand } from '../../src/commands/run.js';
import type { CommandContext } from '../../src/commands/types.js';
import type { AttachmentRef } from '../../src/members/attachment.js';
import { LIMITS, type Reply } from '../../src/render/payload.js';
import { openStore } from '../../src/store/index.js';
import { AGREEABLE_DISCORD, ALICE, BOB, GUILD, input, NOW, shown } from '../helpers/context.js';

const STACK_TRACE = /\n\s+at |TypeError|ReferenceError|SyntaxError: Unexpected|RangeError/;

/** Files served by path, as Discord's CDN would serve an upload. */
const files = new Map<string, { data: Buffer; contentType: string | null }>();
let server: Server;
let origin = '';
let context: CommandContext;
let served = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const file = files.get(req.url ?? '');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    served++;
    res.writeHead(200, file.contentType ? { 'content-type': file.contentType } : {});
    res.end(file.data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = await openStore(':memory:', { now: () => NOW });
  context = createCommandContext({
    store,
    discord: AGREEABLE_DISCORD,
    siteUrl: 'https://cec.example.org',
    now: () => NOW,
    discordApi: `${origin}/api`,
  });
});
afterAll(async () => {
  await context.store.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let next = 0;
function serve(data: Buffer, contentType: string | null, filename: string, size?: number) {
  const path = `/attachments/${next++}/${encodeURIComponent(filename)}`;
  files.set(path, { data, contentType });
  const ref: AttachmentRef = {
    id: String(next),
    filename,
    size: size ?? data.length,
    url: `${origin}${path}`,
    contentType,
  };
  return ref;
}

const VALID_ACTIVITIES = [
  { kind: 'cpr-aed', term: '2yr', completed: '2026-01-05' },
  { kind: 'college', creditHours: 3, grade: 'B', completed: '2026-02-01', title: 'Anatomy' },
  { kind: 'approved-course', courseNumber: 'CA12345', cecs: 0.8, completed: '2026-03-01' },
  { kind: 'mentoring', title: 'Youth league', completed: '2026-12-15' },
];
const VALID_CERTIFICATIONS = [{ credential: 'personal-trainer', expires: '2027-03-31' }];

/** A valid plan with one value replaced by anything. */
const brokenPlan = fc
  .record({
    which: fc.nat({ max: VALID_ACTIVITIES.length - 1 }),
    field: fc.constantFrom('kind', 'term', 'grade', 'completed', 'cecs', 'creditHours', 'extra'),
    value: fc.jsonValue(),
  })
  .map(({ which, field, value }) => ({
    certifications: VALID_CERTIFICATIONS,
    activities: VALID_ACTIVITIES.map((a, i) => (i === which ? { ...a, [field]: value } : a)),
  }));

/** A valid plan of new entries each time (so its preview has something to import). */
const freshPlan = fc
  .array(
    fc.record({
      title: fc.string({ minLength: 1, maxLength: 60 }),
      day: fc.integer({ min: 0, max: 700 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((entries) => ({
    certifications: VALID_CERTIFICATIONS,
    activities: entries.map(({ title, day }) => ({
      kind: 'mentoring',
      title,
      completed: new Date(Date.UTC(2025, 5, 1) + day * 86_400_000).toISOString().slice(0, 10),
    })),
  }));

const planText = fc
  .oneof(
    fc.constant({ certifications: VALID_CERTIFICATIONS, activities: VALID_ACTIVITIES }),
    { arbitrary: freshPlan, weight: 2 },
    brokenPlan,
    fc.jsonValue(),
  )
  .chain((plan) =>
    fc.constantFrom(
      JSON.stringify(plan),
      JSON.stringify({ exportedAt: NOW.toISOString(), plan }),
      `\uFEFF${JSON.stringify(plan)}`,
    ),
  );

const content = fc.oneof(
  { arbitrary: planText.map((t) => Buffer.from(t, 'utf8')), weight: 4 },
  fc.string({ maxLength: 300 }).map((t) => Buffer.from(t, 'utf8')),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-8',
  'text/plain',
  'image/png',
  'application/octet-stream',
  '',
  null,
);

function replyProblems(reply: Reply): string[] {
  const problems: string[] = [];
  const all = shown(reply);
  if (!reply.ephemeral) problems.push('not private');
  if (all.trim() === '') problems.push('empty reply');
  if (STACK_TRACE.test(all)) problems.push('a stack trace');
  if (all.includes('Sorry, something went wrong')) problems.push('the apology for a bug');
  if ((reply.content ?? '').length > LIMITS.content) problems.push('content too long');
  for (const embed of reply.embeds ?? []) {
    if ((embed.description ?? '').length > LIMITS.embedDescription) problems.push('embed too long');
  }
  for (const button of reply.buttons ?? []) {
    if ((button.customId ?? '').length > 100) problems.push('custom id over 100 characters');
  }
  return problems;
}

async function held(userId: string) {
  return {
    certifications: (await context.store.certifications.list(userId)).length,
    activities: await context.store.activities.count(userId),
  };
}

const counts: string[] = [];
afterAll(() => {
  console.log(`fuzz /privacy import: cases tried\n  ${counts.join('\n  ')}`);
});

describe('/privacy import, any attachment', () => {
  test('any file: a private, explained answer; the preview writes nothing; Import writes a valid plan', async () => {
    let tried = 0;
    let previews = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(
        content,
        contentType,
        fc.constantFrom('cec-data.json', 'plan.JSON', 'notes.txt', 'x'),
        // Mostly the true size; sometimes a size Discord would never report.
        fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, fc.nat({ max: 2 ** 21 })),
        fc.constantFrom(ALICE, BOB),
        async (data, type, filename, size, user) => {
          tried++;
          const ref = serve(data, type, filename, size);
          const before = await held(user.id);
          const reply = await runCommand(
            privacy,
            input('privacy import', { file: ref.id }, { user, attachments: { file: ref } }),
            context,
          );
          expect(replyProblems(reply), JSON.stringify(reply)).toEqual([]);
          expect(await held(user.id)).toEqual(before);
          const importId = reply.buttons?.find((b) => b.label === 'Import')?.customId;
          const pending = reply.files?.[0];
          if (!importId || !pending) return;
          previews++;
          const outcome = await runButton(
            {
              user,
              guildId: GUILD,
              customId: importId,
              attachments: [
                serve(Buffer.from(pending.content, 'utf8'), 'application/json', pending.name),
              ],
            },
            context,
          );
          expect(replyProblems(outcome.reply)).toEqual([]);
          if (outcome.reply.content?.startsWith('Imported')) imported++;
          const plan = await context.members.load(user.id, context.today());
          expect(plan.skipped).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
    counts.push(`files: ${tried} (${previews} previews, ${imported} imported; ${served} served)`);
    expect(previews).toBeGreaterThan(0);
  });

  test('any button id and any files on its message: answered, and only a real preview writes', async () => {
    let tried = 0;
    const ids = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc
        .tuple(
          fc.constantFrom('privacy', 'privacy-delete', ''),
          fc.constantFrom('import', 'delete', ''),
          fc.constantFrom('go', 'cancel', 'confirm', ''),
          fc.constantFrom(ALICE.id, BOB.id, ''),
          fc.oneof(fc.integer().map(String), fc.constant(String(NOW.getTime() / 1000 + 60))),
          fc.string({ maxLength: 20 }),
        )
        .map((parts) => parts.join(':')),
    );
    const attachments = fc.array(
      fc.record({
        data: content,
        type: contentType,
        name: fc.constantFrom('cec-import.json', 'other.json'),
      }),
      { maxLength: 2 },
    );
    await fc.assert(
      fc.asyncProperty(
        ids,
        attachments,
        fc.constantFrom(ALICE, BOB),
        async (customId, list, user) => {
          tried++;
          const before = await held(user.id);
          const outcome = await runButton(
            {
              user,
              guildId: GUILD,
              customId,
              attachments: list.map((a) => serve(a.data, a.type, a.name)),
            },
            context,
          );
          expect(replyProblems(outcome.reply), JSON.stringify(outcome.reply)).toEqual([]);
          // No random id matches the hash of a file: nothing is ever imported (or deleted) here,
          // except a well-formed delete confirmation, which removes only the presser's own records.
          if (!customId.startsWith('privacy:delete:confirm:')) {
            expect(await held(user.id)).toEqual(before);
          }
        },
      ),
      { numRuns: 400 },
    );
    counts.push(`buttons: ${tried}`);
  });
});
