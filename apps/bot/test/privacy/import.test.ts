/**
 * `/privacy import` end to end: the real bot and router logged in to the fake
 * Discord, the file uploaded as an ATTACHMENT option and fetched from the
 * fake's 127.0.0.1 attachment URL, the preview's buttons pressed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeMessage, upload } from '@cec/discord-fake';
import { parsePlan } from '@cec/rules';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { privacy } from '../../src/commands/privacy.js';
import { runButton, runCommand } from '../../src/commands/run.js';
import { input } from '../helpers/context.js';
import { type FakeWorld, startFakeWorld } from '../helpers/fake-discord.js';

let world: FakeWorld;
beforeAll(async () => {
  world = await startFakeWorld();
});
afterAll(async () => {
  await world?.close();
});

const JSON_TYPE = 'application/json; charset=utf-8';

async function exportOf(user: string): Promise<string> {
  const reply = await world.fake.command({ name: 'privacy export', user });
  const message = await reply.final();
  const json = message.files.find((f) => f.name === 'cec-data.json');
  if (!json) throw new Error('no JSON in the export');
  return json.text;
}

async function importFile(user: string, file: ReturnType<typeof upload>): Promise<FakeMessage> {
  const reply = await world.fake.command({ name: 'privacy import', options: { file }, user });
  // Deferred at once: the download may take longer than Discord's 3 s window.
  expect(reply.callback).toEqual({ type: 5, data: { flags: 64 } });
  const message = await reply.final();
  expect(message.ephemeral).toBe(true);
  return message;
}

function buttonId(message: FakeMessage, label: string): string {
  const button = message.components
    .flatMap((row) => (Array.isArray(row.components) ? row.components : []))
    .find((c) => (c as { label?: string }).label === label) as { custom_id?: string } | undefined;
  if (!button?.custom_id) throw new Error(`no "${label}" button in ${message.text()}`);
  return button.custom_id;
}

async function press(message: FakeMessage, label: string, user: string) {
  return world.fake.clickButton({ message, customId: buttonId(message, label), user });
}

/** What a member holds, as a comparable plan (no ids, no recording times). */
async function planOf(user: string) {
  const { plan } = await world.bot.context.members.load(world.fake.user(user).id, '2026-06-01');
  return { certifications: plan.certifications, activities: plan.activities };
}

async function countsOf(user: string) {
  const id = world.fake.user(user).id;
  return {
    certifications: (await world.store.certifications.list(id)).length,
    activities: await world.store.activities.count(id),
  };
}

describe('/privacy import', () => {
  beforeAll(async () => {
    const ana = { user: 'ana' };
    await world.fake.command({
      name: 'cert add',
      options: { credential: 'personal-trainer', expires: '03/31/2027' },
      ...ana,
    });
    await world.fake.command({
      name: 'log cpr',
      options: { term: '2yr', date: '2026-01-05' },
      ...ana,
    });
    await world.fake.command({
      name: 'log college',
      options: { credits: 3, grade: 'B', date: '2026-02-01', title: 'Anatomía' },
      ...ana,
    });
    await world.fake.command({
      name: 'log course',
      options: { number: 'CA12345', cecs: 0.8, date: '2026-03-01' },
      ...ana,
    });
    // Two equal entries are two entries: both come back.
    await world.fake.command({
      name: 'log course',
      options: { number: 'CA12345', cecs: 0.8, date: '2026-03-01' },
      ...ana,
    });
  });

  test('export → import into a fresh member gives the same plan; a second import adds nothing', async () => {
    const exported = await exportOf('ana');
    const preview = await importFile('ben', upload('cec-data.json', exported, JSON_TYPE));
    expect(preview.embeds[0]?.title).toBe('Import 1 certification and 4 entries?');
    expect(preview.text()).toContain('ACE Certified Personal Trainer, expires 03/31/2027');
    expect(preview.text()).toContain('Nothing is written until you press Import.');
    expect(preview.attachments.map((a) => a.filename)).toEqual(['cec-import.json']);
    expect(await countsOf('ben')).toEqual({ certifications: 0, activities: 0 });

    const done = await press(preview, 'Import', 'ben');
    expect(done.type).toBe(7);
    expect(done.content).toBe(
      'Imported 1 certification and 4 entries. See them with `/log list` and `/progress`.',
    );
    // The answer replaces the preview: no buttons and no file left to press or read.
    const replaced = await done.final();
    expect(replaced.components).toEqual([]);
    expect(replaced.attachments).toEqual([]);
    expect(await planOf('ben')).toEqual(await planOf('ana'));

    const again = await importFile('ben', upload('cec-data.json', exported, JSON_TYPE));
    expect(again.content).toContain('Everything in this file is already in your records.');
    expect(again.content).toContain('Already yours, skipped: 4 entries and 1 certification.');
    expect(again.components).toEqual([]);
    expect(await countsOf('ben')).toEqual({ certifications: 1, activities: 4 });
  });

  test('a calculator plan (its JSON export) imports; duplicates of what the member has are skipped', async () => {
    const parsed = parsePlan({
      certifications: [{ credential: 'health-coach', expires: '2027-12-31' }],
      activities: [
        { kind: 'cpr-aed', term: '2yr', completed: '2026-01-05' },
        { kind: 'mentoring', title: 'Youth league', completed: '2026-04-10' },
      ],
    });
    if (!parsed.ok) throw new Error('fixture plan is invalid');
    // The calculator's export (apps/site planJson): the plan's certifications and activities.
    const file = JSON.stringify(
      { certifications: parsed.plan.certifications, activities: parsed.plan.activities },
      null,
      2,
    );
    const preview = await importFile('ana', upload('cec-plan.json', file, JSON_TYPE));
    expect(preview.embeds[0]?.title).toBe('Import 1 certification and 1 entry?');
    expect(preview.text()).toContain('From a plan file.');
    expect(preview.text()).toContain('Already yours, skipped: 1 entry.');
    const before = await countsOf('ana');
    await press(preview, 'Import', 'ana');
    expect(await countsOf('ana')).toEqual({
      certifications: before.certifications + 1,
      activities: before.activities + 1,
    });
  });

  test.each([
    [
      'too big',
      upload('big.json', `{"activities":[],"x":"${'a'.repeat(1024 * 1024)}"}`, JSON_TYPE),
      '⚠️ Nothing was imported. The file has a problem:\n• `big.json` is larger than 1 MB, the most the bot reads.',
    ],
    [
      'an image',
      upload('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
      "⚠️ Nothing was imported. The file has a problem:\n• `photo.png` is image/png; attach the `.json` file from `/privacy export` or the calculator's JSON export.",
    ],
    [
      'broken JSON',
      upload('cec-data.json', '{"plan": {"certifications": [', JSON_TYPE),
      '⚠️ Nothing was imported. The file has a problem:\n• This file is not valid JSON',
    ],
    [
      'not a plan',
      upload('notes.json', '{"hello": "world"}', JSON_TYPE),
      '⚠️ Nothing was imported. The file has a problem:\n• This file is neither a `/privacy export` (cec-data.json) nor a calculator plan',
    ],
    [
      'a bad entry',
      upload(
        'cec-plan.json',
        JSON.stringify({
          certifications: [],
          activities: [
            { kind: 'cpr-aed', term: '2yr', completed: '2026-01-05' },
            { kind: 'college', creditHours: 3, grade: 'Z', completed: '2026-02-01' },
          ],
        }),
        JSON_TYPE,
      ),
      '⚠️ Nothing was imported. The file has a problem:\n• Entry 2 (College course, dated 2026-02-01): Grade must be one of',
    ],
  ])('%s: a clear private answer, nothing written', async (_label, file, answer) => {
    const before = await countsOf('cleo');
    const message = await importFile('cleo', file);
    expect(message.content.startsWith(answer), message.content).toBe(true);
    expect(message.components).toEqual([]);
    expect(await countsOf('cleo')).toEqual(before);
  });

  test('Cancel writes nothing; an expired preview imports nothing', async () => {
    const exported = await exportOf('ana');
    const preview = await importFile('dan', upload('cec-data.json', exported, JSON_TYPE));
    const cancelled = await press(preview, 'Cancel', 'dan');
    expect(cancelled.type).toBe(7);
    expect(cancelled.content).toBe('Nothing was imported.');
    expect(await countsOf('dan')).toEqual({ certifications: 0, activities: 0 });

    const later = await importFile('dan', upload('cec-data.json', exported, JSON_TYPE));
    world.setNow('2026-06-01T12:16:00Z');
    try {
      const expired = await press(later, 'Import', 'dan');
      expect(expired.content).toBe(
        'That preview has expired. Nothing was imported. Run `/privacy import` again.',
      );
    } finally {
      world.setNow('2026-06-01T12:00:00Z');
    }
    expect(await countsOf('dan')).toEqual({ certifications: 0, activities: 0 });
  });

  test('two previews of one file pressed at once add it once', async () => {
    const exported = await exportOf('ana');
    const previews = [
      await importFile('finn', upload('cec-data.json', exported, JSON_TYPE)),
      await importFile('finn', upload('cec-data.json', exported, JSON_TYPE)),
    ];
    const answers = await Promise.all(previews.map((p) => press(p, 'Import', 'finn')));
    expect(answers.map((a) => a.content).sort()).toEqual([
      'Everything in this file is already in your records. Nothing was imported.',
      expect.stringMatching(/^Imported \d+ certifications? and \d+ entries\./),
    ]);
    expect(await planOf('finn')).toEqual(await planOf('ana'));
  });

  test('only the member who ran it can press Import', async () => {
    const preview = await importFile(
      'eve',
      upload('cec-data.json', await exportOf('ana'), JSON_TYPE),
    );
    // Discord does not show another member an ephemeral message, so cannot deliver their press…
    await expect(press(preview, 'Import', 'ana')).rejects.toThrow(/is ephemeral/);
    // …and a crafted one naming someone else is refused by the bot.
    const mallory = world.fake.user('mallory');
    const outcome = await runButton(
      {
        user: { id: mallory.id, name: 'mallory' },
        guildId: world.fake.guild().id,
        customId: buttonId(preview, 'Import'),
        attachments: preview.attachments.map((a) => ({
          id: String(a.id),
          filename: String(a.filename),
          size: Number(a.size),
          url: String(a.url),
          contentType: null,
        })),
      },
      world.bot.context,
    );
    expect(outcome.reply.content).toBe('⚠️ This confirmation belongs to someone else.');
    expect(await countsOf('eve')).toEqual({ certifications: 0, activities: 0 });
    expect(await countsOf('mallory')).toEqual({ certifications: 0, activities: 0 });
  });
});

describe('where a file may come from', () => {
  let elsewhere: Server;
  let hits = 0;
  beforeAll(async () => {
    elsewhere = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"activities":[]}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => elsewhere.close(resolve));
  });

  test('a URL outside Discord’s attachment servers is never fetched', async () => {
    const { port } = elsewhere.address() as AddressInfo;
    const reply = await runCommand(
      privacy,
      input(
        'privacy import',
        {},
        {
          attachments: {
            file: {
              id: '1',
              filename: 'plan.json',
              size: 17,
              url: `http://127.0.0.1:${port}/plan.json`,
              contentType: 'application/json',
            },
          },
        },
      ),
      world.bot.context,
    );
    expect(reply.content).toBe(
      '⚠️ Nothing was imported. The file has a problem:\n• That file is not on Discord’s attachment servers, so the bot does not open it.',
    );
    expect(hits).toBe(0);
  });
});
