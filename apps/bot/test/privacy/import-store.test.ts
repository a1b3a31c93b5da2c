/**
 * `/privacy import` on each database: an import is written whole or not at
 * all, and two imports racing for a member's last free places never take the
 * member over the entry limit.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createCommandContext } from '../../src/commands/context.js';
import { MAX_ENTRIES_PER_MEMBER } from '../../src/commands/log.js';
import { privacy } from '../../src/commands/privacy.js';
import { runButton, runCommand } from '../../src/commands/run.js';
import type { CommandContext } from '../../src/commands/types.js';
import type { AttachmentRef } from '../../src/members/attachment.js';
import type { Reply } from '../../src/render/payload.js';
import { AGREEABLE_DISCORD, ALICE, GUILD, input, NOW } from '../helpers/context.js';
import { describeEachDialect, freshDatabase } from '../helpers/databases.js';

const files = new Map<string, string>();
let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const text = files.get(req.url ?? '');
    if (text === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let served = 0;
function serve(filename: string, text: string): AttachmentRef {
  const path = `/attachments/${served++}/${filename}`;
  files.set(path, text);
  return {
    id: String(served),
    filename,
    size: Buffer.byteLength(text),
    url: `${origin}${path}`,
    contentType: 'application/json',
  };
}

function mentoring(titles: readonly string[]): string {
  return JSON.stringify({
    certifications: [],
    activities: titles.map((title) => ({ kind: 'mentoring', title, completed: '2026-02-01' })),
  });
}

/** Runs the preview, then presses its Import with the file the preview carries. */
async function preview(context: CommandContext, text: string): Promise<Reply> {
  return runCommand(
    privacy,
    input('privacy import', {}, { attachments: { file: serve('plan.json', text) } }),
    context,
  );
}

function pressImport(context: CommandContext, reply: Reply) {
  const customId = reply.buttons?.find((b) => b.label === 'Import')?.customId ?? '';
  const file = reply.files?.[0];
  return runButton(
    {
      user: ALICE,
      guildId: GUILD,
      customId,
      attachments: file ? [serve(file.name, file.content)] : [],
    },
    context,
  );
}

describeEachDialect((dialect) => {
  test('two imports racing for the last places: one is written whole, the other not at all', async () => {
    const database = await freshDatabase(dialect);
    const store = await database.open({ now: () => NOW });
    const context = createCommandContext({
      store,
      discord: AGREEABLE_DISCORD,
      siteUrl: 'https://cec.example.org',
      now: () => NOW,
      discordApi: `${origin}/api`,
    });
    const start = MAX_ENTRIES_PER_MEMBER - 3;
    await store.transaction(async (r) => {
      for (let i = 0; i < start; i++) {
        await r.activities.add(ALICE.id, {
          kind: 'mentoring',
          title: `old ${i}`,
          completed: '2025-09-01',
        });
      }
    });
    const first = await preview(context, mentoring(['a1', 'a2']));
    const second = await preview(context, mentoring(['b1', 'b2']));
    expect(first.buttons?.length).toBe(2);
    expect(second.buttons?.length).toBe(2);

    const outcomes = await Promise.all([pressImport(context, first), pressImport(context, second)]);
    const answers = outcomes.map((o) => o.reply.content ?? '');
    expect(answers.filter((a) => a.startsWith('Imported 2 entries'))).toHaveLength(1);
    expect(answers.filter((a) => a.startsWith('⚠️ Nothing was imported.'))).toHaveLength(1);
    const titles = (await store.activities.list(ALICE.id)).map((e) => String(e.activity.title));
    expect(titles).toHaveLength(start + 2);
    const imported = titles.filter((t) => !t.startsWith('old'));
    expect([
      ['a1', 'a2'],
      ['b1', 'b2'],
    ]).toContainEqual(imported.sort());
  });
});
