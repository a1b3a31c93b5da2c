/**
 * End to end through the fake Discord, on both transports: a `/cec` answer is short and
 * public with "Details" and "Log this"; Details is private; Log this opens the modal filled
 * in with what the answer gave; submitting logs for whoever pressed, exactly as `/log` does;
 * a mistake names the field, repeats what was typed and offers "Try again" (the modal again,
 * filled in); the buttons still work after the bot restarts.
 */
import { join } from 'node:path';
import {
  type FakeDiscord,
  type InteractionReply,
  type JsonObject,
  modalInputs,
  startFakeDiscord,
} from '@cec/discord-fake';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningBot, startBot } from '../src/discord/bot.js';
import { deployCommands } from '../src/discord/deploy-commands.js';
import { type RunningHttpBot, startHttpBot } from '../src/discord/http-bot.js';
import { createLogger } from '../src/log.js';
import { SHORT_ANSWER_MAX } from '../src/render/answers.js';
import { type OpenedStore, openStore } from '../src/store/index.js';
import { tempDir } from './helpers/context.js';
import { SITE_URL, TOKEN } from './helpers/fake-discord.js';

const EPHEMERAL = 64;
const NOW = new Date('2026-06-01T12:00:00Z');

let fake: FakeDiscord;
let store: OpenedStore;
let gateway: RunningBot | null = null;
const logs: string[] = [];
const dir = tempDir();

function startGatewayBot(): Promise<RunningBot> {
  return startBot({
    token: TOKEN,
    discordApi: fake.apiUrl,
    siteUrl: SITE_URL,
    store,
    log: createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logs.push(line) }),
    now: () => NOW,
    reminders: false,
    ws: fake.clientOptions().ws,
  });
}

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
  await deployCommands({
    token: TOKEN,
    applicationId: fake.applicationId,
    discordApi: fake.apiUrl,
    guildId: null,
  });
  store = await openStore(join(dir.path, 'cec.sqlite'));
  gateway = await startGatewayBot();
});

afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
  await store?.close();
  dir.remove();
});

/** Title, description and footer of the answer's embed: what the channel reads. */
function answerLength(reply: InteractionReply): number {
  const embed = reply.embeds[0] ?? {};
  const footer = (embed.footer ?? {}) as JsonObject;
  return [embed.title, embed.description, footer.text].join('').length;
}

function inputsOf(reply: InteractionReply) {
  expect(reply.typeName).toBe('MODAL');
  return modalInputs(reply.modal ?? {});
}

const entriesOf = async (name: string) => store.activities.list(fake.user(name).id);

describe('through the gateway', () => {
  test('the answer is short and public; Details is private; Log this logs for the presser', async () => {
    const answer = await fake.command({ name: 'cec cpr', options: { term: '2yr' }, user: 'alice' });
    expect(answer.type).toBe(4);
    expect(answer.flags & EPHEMERAL).toBe(0);
    expect(answerLength(answer)).toBeLessThanOrEqual(SHORT_ANSWER_MAX);
    expect(answer.embeds[0]?.fields).toBeUndefined();
    const message = await answer.final();
    expect(message.customIds()).toEqual(['cec:d:cpr', 'cec:l:cpr:2yr|']);

    const details = await fake.clickButton({ message, customId: 'cec:d:cpr', user: 'bob' });
    expect(details.type).toBe(4);
    expect(details.ephemeral).toBe(true);
    expect(details.text()).toContain('Our reading (not ACE’s wording)');
    expect(details.text()).toContain('Source (S1)');
    // The public answer is untouched.
    expect((await answer.final()).toJSON().embeds).toEqual(answer.embeds);

    const opened = await fake.clickButton({ message, customId: 'cec:l:cpr:2yr|', user: 'bob' });
    expect(opened.modal?.title).toBe('Log: CPR/AED renewal');
    expect(inputsOf(opened).map((i) => [i.customId, i.label, i.required])).toEqual([
      ['date', 'Completion date', true],
    ]);

    const logged = await fake.submitModal({ reply: opened, values: { date: '05/20/2026' } });
    expect(logged.type).toBe(4);
    expect(logged.ephemeral).toBe(true);
    expect(logged.text()).toContain('0.4');
    expect(logged.data.allowed_mentions).toEqual({ parse: [] });
    const bobs = await entriesOf('bob');
    expect(bobs.map((e) => e.activity)).toEqual([
      { kind: 'cpr-aed', term: '2yr', completed: '2026-05-20' },
    ]);
    expect(await entriesOf('alice')).toEqual([]);
  });

  test('a bad value names the field and keeps what was typed; Try again reopens it filled in', async () => {
    const answer = await fake.command({
      name: 'cec college',
      options: { credits: 3, grade: 'B' },
      user: 'carol',
    });
    const message = await answer.final();
    const logId = message.customIds()[1] ?? '';
    const opened = await fake.clickButton({ message, customId: logId, user: 'carol' });
    expect(inputsOf(opened).map((i) => i.customId)).toEqual(['date', 'title']);

    const typed = { date: '13/45/2026', title: 'Anatomy I <@&1> @everyone' };
    const refused = await fake.submitModal({ reply: opened, values: typed });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('That entry was not recorded');
    expect(refused.content).toContain('Completion date');
    expect(refused.data.allowed_mentions).toEqual({ parse: [] });
    expect(refused.embeds[0]?.fields).toEqual([
      { name: 'Completion date', value: typed.date },
      { name: 'Course title', value: typed.title },
    ]);
    expect(await entriesOf('carol')).toEqual([]);

    const shown = await refused.final();
    const [retryId = ''] = shown.customIds();
    const again = await fake.clickButton({ message: shown, customId: retryId, user: 'carol' });
    expect(inputsOf(again).map((i) => [i.customId, i.value])).toEqual([
      ['date', typed.date],
      ['title', typed.title],
    ]);
    const logged = await fake.submitModal({ reply: again, values: { date: '2026-05-02' } });
    expect(logged.ephemeral).toBe(true);
    expect((await entriesOf('carol')).map((e) => e.activity)).toEqual([
      {
        kind: 'college',
        creditHours: 3,
        grade: 'B',
        related: true,
        certPrep: false,
        title: typed.title,
        completed: '2026-05-02',
      },
    ]);
  });

  test('a restart between the answer and the presses changes nothing', async () => {
    const answer = await fake.command({
      name: 'cec course',
      options: { number: 'CA23456' },
      user: 'alice',
    });
    const message = await answer.final();
    await gateway?.stop();
    gateway = await startGatewayBot();

    const [detailsId = '', logId = ''] = message.customIds();
    const details = await fake.clickButton({ message, customId: detailsId, user: 'dan' });
    expect(details.ephemeral).toBe(true);
    expect(details.text()).toContain('How to submit');
    const opened = await fake.clickButton({ message, customId: logId, user: 'dan' });
    expect(inputsOf(opened).map((i) => i.customId)).toEqual(['cecs', 'date', 'ethics', 'title']);
    const logged = await fake.submitModal({
      reply: opened,
      values: { cecs: '1.5', date: '04/01/2026' },
    });
    expect(logged.ephemeral).toBe(true);
    expect((await entriesOf('dan')).map((e) => e.activity)).toEqual([
      {
        kind: 'approved-course',
        courseNumber: 'CA23456',
        cecs: 1.5,
        ethics: false,
        completed: '2026-04-01',
      },
    ]);
  });
});

describe('through the HTTP interactions endpoint', () => {
  let http: RunningHttpBot;
  beforeAll(async () => {
    http = await startHttpBot({
      token: TOKEN,
      discordApi: fake.apiUrl,
      publicKey: fake.publicKey,
      port: 0,
      host: '127.0.0.1',
      siteUrl: SITE_URL,
      store,
      log: createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logs.push(line) }),
      now: () => NOW,
      reminders: false,
    });
    await fake.setInteractionsEndpoint(`${http.endpoint.url}/interactions`);
  });
  afterAll(async () => {
    await fake.setInteractionsEndpoint(null);
    await http?.stop();
  });

  test('/cec ask, Log this, a mistake, Try again, logged for the presser', async () => {
    const answer = await fake.command({
      name: 'cec ask',
      options: { question: 'I presented a workshop' },
      user: 'erin',
    });
    expect(answer.flags & EPHEMERAL).toBe(0);
    expect(answerLength(answer)).toBeLessThanOrEqual(SHORT_ANSWER_MAX);
    const message = await answer.final();
    const [detailsId = '', logId = ''] = message.customIds();
    expect(detailsId).toBe('cec:q:I presented a workshop');

    const details = await fake.clickButton({ message, customId: detailsId, user: 'frank' });
    expect(details.ephemeral).toBe(true);
    expect(details.text()).toContain('You asked');

    const opened = await fake.clickButton({ message, customId: logId, user: 'frank' });
    expect(inputsOf(opened).map((i) => i.customId)).toEqual(['date', 'title']);
    const refused = await fake.submitModal({
      reply: opened,
      values: { date: 'last tuesday', title: 'Kettlebells 101' },
    });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('Completion date');
    const shown = await refused.final();
    const again = await fake.clickButton({
      message: shown,
      customId: shown.customIds()[0] ?? '',
      user: 'frank',
    });
    expect(inputsOf(again).map((i) => i.value)).toEqual(['last tuesday', 'Kettlebells 101']);
    const logged = await fake.submitModal({ reply: again, values: { date: '03/03/2026' } });
    expect(logged.ephemeral).toBe(true);
    expect((await entriesOf('frank')).map((e) => e.activity)).toEqual([
      { kind: 'presentation', title: 'Kettlebells 101', completed: '2026-03-03' },
    ]);
    expect(await entriesOf('erin')).toEqual([]);
    // All six interactions went over HTTP: the answer, Details, Log this, submit, Try again, submit.
    expect(fake.httpDeliveries).toHaveLength(6);
  });
});
