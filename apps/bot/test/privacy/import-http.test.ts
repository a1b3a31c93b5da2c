/**
 * `/privacy import` over HTTP interactions, through the fake Discord: the
 * preview made by one instance and its Import pressed on another (as behind a
 * load balancer, or after a restart), since the pending import travels with
 * the preview message and nothing is kept in a process.
 */
import { type FakeDiscord, startFakeDiscord, upload } from '@cec/discord-fake';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { type RunningHttpBot, startHttpBot } from '../../src/discord/http-bot.js';
import { createLogger } from '../../src/log.js';
import { type OpenedStore, openStore } from '../../src/store/index.js';
import { TOKEN } from '../helpers/fake-discord.js';

let fake: FakeDiscord;
let store: OpenedStore;
const bots: RunningHttpBot[] = [];

async function startInstance(): Promise<string> {
  const bot = await startHttpBot({
    token: TOKEN,
    discordApi: fake.apiUrl,
    publicKey: fake.publicKey,
    port: 0,
    host: '127.0.0.1',
    siteUrl: 'https://cec.example.org',
    store,
    log: createLogger({ level: 'warn', secrets: [TOKEN], write: () => undefined }),
    reminders: false,
  });
  bots.push(bot);
  return `${bot.endpoint.url}/interactions`;
}

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
  await deployCommands({
    token: TOKEN,
    applicationId: fake.applicationId,
    discordApi: fake.apiUrl,
    guildId: null,
  });
  store = await openStore(':memory:');
});

afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await store?.close();
  await fake?.close();
});

test('previewed on one instance, imported on another', async () => {
  await fake.setInteractionsEndpoint(await startInstance());
  const plan = {
    certifications: [{ credential: 'group-fitness-instructor', expires: '2027-09-30' }],
    activities: [{ kind: 'cpr-aed', term: '1yr', completed: '2026-02-02' }],
  };
  const reply = await fake.command({
    name: 'privacy import',
    options: { file: upload('plan.json', JSON.stringify(plan), 'application/json') },
    user: 'hana',
  });
  const preview = await reply.final();
  expect(preview.embeds[0]?.title).toBe('Import 1 certification and 1 entry?');
  expect(preview.attachments.map((a) => a.filename)).toEqual(['cec-import.json']);

  await fake.setInteractionsEndpoint(await startInstance());
  const [importId] = preview.customIds();
  const done = await fake.clickButton({ message: preview, customId: importId ?? '', user: 'hana' });
  expect(done.type).toBe(7);
  expect(done.content).toBe(
    'Imported 1 certification and 1 entry. See them with `/log list` and `/progress`.',
  );
  // The answer replaces the preview, and its file goes with it (an empty attachment list).
  expect((await done.final()).attachments).toEqual([]);
  const hana = fake.user('hana').id;
  expect(await store.activities.count(hana)).toBe(1);
  expect((await store.certifications.list(hana)).map((c) => c.credential)).toEqual([
    'group-fitness-instructor',
  ]);
});
