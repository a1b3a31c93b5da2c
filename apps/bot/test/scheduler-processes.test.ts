/**
 * Two bot processes on one database, against the fake Discord, with the clock
 * and the scheduler ticks driven by the test: every reminder reaches Discord
 * exactly once, only the lease holder sends, and when the holder is killed the
 * other process takes over after the lease expires.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { type FakeDiscord, startFakeDiscord } from '@cec/discord-fake';
import { expect, onTestFinished, test } from 'vitest';
import type { TickReport } from '../src/reminders/scheduler.js';
import type { Reply } from '../src/render/payload.js';
import type { OpenedStore } from '../src/store/index.js';
import { describeEachDialect, freshDatabase } from './helpers/databases.js';
import { TOKEN } from './helpers/fake-discord.js';

const SCRIPT = join(import.meta.dirname, 'helpers', 'bot-process.mjs');

interface BotProcess {
  child: ChildProcess;
  owner: string;
  output: () => string;
  setNow(iso: string): Promise<void>;
  tick(): Promise<TickReport>;
}

type Incoming =
  | { type: 'ready'; owner: string }
  | { type: 'now' }
  | { type: 'tick'; id: number; report?: TickReport; error?: string };

function reply<T extends Incoming['type']>(
  child: ChildProcess,
  type: T,
  match: (m: Extract<Incoming, { type: T }>) => boolean = () => true,
): Promise<Extract<Incoming, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Incoming) => {
      if (message.type !== type) return;
      const typed = message as Extract<Incoming, { type: T }>;
      if (!match(typed)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(typed);
    };
    const onExit = (code: number | null) => reject(new Error(`bot process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = fork(SCRIPT, [], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const ready = await reply(child, 'ready').catch((error: unknown) => {
    throw new Error(`${String(error)}\n${output}`);
  });
  let ticks = 0;
  return {
    child,
    owner: ready.owner,
    output: () => output,
    async setNow(iso) {
      const done = reply(child, 'now');
      child.send({ type: 'now', iso });
      await done;
    },
    async tick() {
      const id = ++ticks;
      const done = reply(child, 'tick', (m) => m.id === id);
      child.send({ type: 'tick', id });
      const answer = await done;
      if (!answer.report) throw new Error(`tick failed in ${ready.owner}: ${answer.error}`);
      return answer.report;
    },
  };
}

/** What Discord received, and what the send log says was sent, as comparable lines. */
async function deliveries(fake: FakeDiscord, store: OpenedStore, channelId: string) {
  const line = (
    target: string,
    content: string,
    embeds: { title?: string; description?: string }[],
  ) =>
    `${target} | ${content} | ${JSON.stringify(embeds.map((e) => [e.title ?? '', e.description ?? '']))}`;
  const users = ['alice', 'bob', 'cara'].map((name) => fake.user(name));
  const received = [
    ...fake.messages(channelId).map((m) => line(`channel:${channelId}`, m.content, m.embeds)),
    ...users.flatMap((u) => fake.dms(u).map((m) => line(`dm:${u.id}`, m.content, m.embeds))),
  ].sort();
  const sent = (await store.reminderLog.all())
    .filter((row) => row.state === 'sent')
    .map((row) => {
      const payload = JSON.parse(row.payload) as Reply;
      return line(row.target, payload.content ?? '', payload.embeds ?? []);
    })
    .sort();
  return { received, sent };
}

describeEachDialect((dialect) => {
  test('two bot processes: each reminder once, one sender, and a takeover when it dies', async () => {
    const fake = await startFakeDiscord({ token: TOKEN });
    onTestFinished(() => fake.close());
    const database = await freshDatabase(dialect);
    const store = await database.open();
    const guild = fake.guild();
    const channelId = guild.channel('general')?.id ?? '';
    await store.groups.configure(guild.id, channelId, [90, 30, 7, 1]);
    // On 2026-06-01: Alice is 30 days out, Bob 4 days, Cara 80 days (and refuses DMs).
    for (const [name, expires] of [
      ['alice', '2026-07-01'],
      ['bob', '2026-06-05'],
      ['cara', '2026-08-20'],
    ] as const) {
      const user = fake.user(name);
      await store.groups.join(guild.id, user.id, name);
      await store.certifications.save(user.id, { credential: 'personal-trainer', expires });
    }
    fake.closeDms('cara');

    const env = {
      DATABASE_URL: database.url,
      DISCORD_API: fake.apiUrl,
      DISCORD_TOKEN: TOKEN,
      BOT_NOW: '2026-06-01T12:00:00Z',
    };
    const bots = await Promise.all([startBotProcess(env), startBotProcess(env)]);

    /** Three ticks in each process at once; returns which processes ran. */
    const round = async (iso: string, among: BotProcess[] = bots) => {
      await Promise.all(among.map((b) => b.setNow(iso)));
      const reports = await Promise.all(
        among.flatMap((b) => [b.tick(), b.tick(), b.tick()].map(async (r) => ({ b, r: await r }))),
      );
      return new Set(reports.filter(({ r }) => r.ran).map(({ b }) => b));
    };

    const first = await round('2026-06-01T12:00:00Z');
    expect(first.size).toBe(1);
    expect(fake.messages(channelId)).toHaveLength(4); // three reminders and the board
    expect([fake.dms('alice').length, fake.dms('bob').length, fake.dms('cara').length]).toEqual([
      1, 1, 0,
    ]);
    let { received, sent } = await deliveries(fake, store, channelId);
    expect(received).toHaveLength(6);
    expect(received).toEqual(sent);

    // 25 days on: Alice's 7-day reminder, Bob's grace period, a new week's board.
    // (The clock jumped past the lease, so either process may be the one that runs now.)
    const second = await round('2026-06-26T12:00:00Z');
    expect(second.size).toBe(1);
    ({ received, sent } = await deliveries(fake, store, channelId));
    expect(received).toHaveLength(11);
    expect(received).toEqual(sent);

    // The holder dies. Its lease is still valid for a minute: the other process waits…
    const [holder] = [...second];
    const standby = bots.find((b) => b !== holder);
    if (!holder || !standby) throw new Error('expected a holder and a standby');
    expect((await store.leases.find('reminders'))?.owner).toBe(holder.owner);
    holder.child.kill('SIGKILL');
    await new Promise((resolve) => holder.child.once('exit', resolve));
    expect((await round('2026-06-26T12:00:30Z', [standby])).size).toBe(0);

    // …then takes over: Alice's 1-day reminder and the next board, once.
    expect((await round('2026-06-30T12:00:00Z', [standby])).size).toBe(1);
    expect((await store.leases.find('reminders'))?.owner).toBe(standby.owner);
    ({ received, sent } = await deliveries(fake, store, channelId));
    expect(received).toHaveLength(14);
    expect(received).toEqual(sent);
    expect(fake.dms('alice')).toHaveLength(3);
    expect(
      await store.reminderLog.find(`dm:${fake.user('cara').id}:personal-trainer:2026-08-20:90d`),
    ).toMatchObject({ state: 'failed', attempts: 1 });
    expect(standby.output()).toContain('another process holds the scheduler lease');
    expect(standby.output()).toContain(`this process (${standby.owner}) runs the scheduler`);
  });
});
