/** Attachments: ATTACHMENT options typed as Discord sends them, and files served at their URLs. */
import { afterEach, expect, test } from 'vitest';
import { CommandRegistry } from '../src/commands.js';
import { type FakeDiscord, startFakeDiscord, upload } from '../src/index.js';
import { buildCommandData } from '../src/options.js';
import { World } from '../src/state.js';
import { SnowflakeGenerator } from '../src/util.js';

const started: FakeDiscord[] = [];
afterEach(async () => {
  for (const fake of started.splice(0)) await fake.close();
});

test('an ATTACHMENT option carries the id; resolved.attachments the file, served at its URL', async () => {
  const ids = new SnowflakeGenerator();
  const world = new World(ids);
  const guild = world.addGuild({});
  const registry = new CommandRegistry(ids, world.botUser.id);
  const [command] = registry.overwrite([
    { name: 'import', description: 'd', options: [{ type: 11, name: 'file', description: 'f' }] },
  ]);
  if (!command) throw new Error('not registered');
  world.attachments.origin = 'http://127.0.0.1:1';
  const data = buildCommandData(command, {
    subcommand: undefined,
    options: { file: upload('plan.json', '{"a":1}', 'application/json') },
    world,
    guild,
    validate: true,
  });
  const [option] = data.options as { type: number; value: string }[];
  expect(option?.type).toBe(11);
  const resolved = (data.resolved as { attachments: Record<string, unknown> }).attachments;
  expect(resolved[option?.value ?? '']).toMatchObject({
    id: option?.value,
    filename: 'plan.json',
    size: 7,
    content_type: 'application/json',
    ephemeral: true,
    url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:1\/attachments\/ephemeral-attachments\//),
  });
  expect(() =>
    buildCommandData(command, {
      subcommand: undefined,
      options: { file: 'plan.json' },
      world,
      guild,
      validate: true,
    }),
  ).toThrow(/is ATTACHMENT/);
});

test('a file the bot sends is served at its attachment URL on 127.0.0.1; others are 404', async () => {
  const fake = await startFakeDiscord();
  started.push(fake);
  const channel = fake.guild().channel('general')?.id ?? '';
  const form = new FormData();
  form.append('payload_json', JSON.stringify({ content: 'file', attachments: [{ id: 0 }] }));
  form.append('files[0]', new Blob(['héllo'], { type: 'text/plain' }), 'notes.txt');
  await fetch(`${fake.apiUrl}/v10/channels/${channel}/messages`, { method: 'POST', body: form });
  const url = String(fake.messages(channel)[0]?.attachments[0]?.url);
  expect(url.startsWith(fake.apiUrl.replace(/\/api$/, '/attachments/'))).toBe(true);
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain');
  expect(await res.text()).toBe('héllo');
  expect((await fetch(`${url}x`)).status).toBe(404);
});
