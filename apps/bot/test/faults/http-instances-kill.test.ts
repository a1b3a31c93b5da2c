/**
 * As production runs it: two instances of the built bot in HTTP interactions mode
 * (dist/main.js with INTERACTIONS_PORT) on one database, behind the fake Discord, which
 * signs every interaction with its own key and alternates between them as a round-robin
 * load balancer would. One instance (the one holding the reminders lease) is SIGKILLed at a
 * seeded random point of a burst of /log; the balancer then sends everything to the
 * survivor. Afterwards: every interaction sent to the survivor was answered inside Discord's
 * 3-second window, every entry whose reply went out is stored exactly once, and every
 * reminder, those sent at start and those due after the kill, reached Discord exactly once.
 */

import {
  CallbackType,
  type FakeDiscord,
  type HttpDeliveryRecord,
  startFakeDiscord,
} from '@cec/discord-fake';
import { addDays, formatUsDate, todayIso } from '@cec/rules';
import { expect, onTestFinished, test } from 'vitest';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import type { Reply } from '../../src/render/payload.js';
import type { OpenedStore } from '../../src/store/index.js';
import { describeEachDialect, freshDatabase } from '../helpers/databases.js';
import { type HttpInstance, kill, launchHttpInstance } from '../helpers/processes.js';
import { entryShownBy, faultSeed, pool, seededRandom, TOKEN } from './support.js';

const BURST = 400;
const IN_FLIGHT = 40;
const MEMBERS = 10;
/** Members whose certification expires in 4 days: reminded at start, and after the kill. */
const EARLY = ['early0', 'early1', 'early2'];
const LATE = ['late0', 'late1'];

/** Every reminder Discord received, and every one the send log says was sent, as lines. */
async function reminders(fake: FakeDiscord, store: OpenedStore, channelId: string) {
  const line = (target: string, content: string, embeds: unknown) =>
    `${target} | ${content} | ${JSON.stringify(embeds)}`;
  const received = [
    ...fake.messages(channelId).map((m) => line(`channel:${channelId}`, m.content, m.embeds)),
    ...[...EARLY, ...LATE].flatMap((name) => {
      const user = fake.user(name);
      return fake.dms(user).map((m) => line(`dm:${user.id}`, m.content, m.embeds));
    }),
  ].sort();
  const log = await store.reminderLog.all();
  const sent = log
    .filter((row) => row.state === 'sent')
    .map((row) => {
      const payload = JSON.parse(row.payload) as Reply;
      return line(row.target, payload.content ?? '', payload.embeds ?? []);
    })
    .sort();
  return { received, sent, unsent: log.filter((row) => row.state !== 'sent').length };
}

function count(
  deliveries: readonly HttpDeliveryRecord[],
  url: string,
  outcome?: HttpDeliveryRecord['outcome'],
) {
  return deliveries.filter((d) => d.url === url && (!outcome || d.outcome === outcome)).length;
}

describeEachDialect((dialect) => {
  test('one of two instances SIGKILLed mid-burst: the survivor answers everything sent to it, nothing acknowledged is lost, each reminder goes once', async () => {
    const seed = faultSeed();
    const random = seededRandom(seed);
    console.log(`http kill (${dialect}): seed ${seed} (FAULT_SEED=${seed} replays the kill point)`);
    const fake = await startFakeDiscord({ token: TOKEN });
    const instances: HttpInstance[] = [];
    onTestFinished(async () => {
      for (const instance of instances) kill(instance.child, 'SIGKILL');
      await fake.close();
    });
    await deployCommands({
      token: TOKEN,
      applicationId: fake.applicationId,
      discordApi: fake.apiUrl,
      guildId: null,
    });
    const database = await freshDatabase(dialect);
    const store = await database.open();
    const guild = fake.guild();
    const channelId = guild.channel('general')?.id ?? '';
    const today = todayIso();
    // Due before the instances start: whichever takes the lease sends these at its first tick.
    await store.groups.configure(guild.id, channelId, [90, 30, 7, 1]);
    for (const name of EARLY) {
      const user = fake.user(name);
      await store.groups.join(guild.id, user.id, name);
      await store.certifications.save(user.id, {
        credential: 'personal-trainer',
        expires: addDays(today, 4),
      });
    }

    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API: fake.apiUrl,
      DISCORD_PUBLIC_KEY: fake.publicKey,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
    };
    const start = async () => {
      const instance = await launchHttpInstance(env);
      instances.push(instance);
      // Its scheduler's first tick has decided: it runs the reminders, or stands by.
      await instance.waitFor('reminders: ');
      return instance;
    };
    const pair = await Promise.all([start(), start()]);
    await fake.setInteractionsEndpoint(pair.map((i) => `${i.url}/interactions`));
    const runsReminders = (i: HttpInstance) => i.output().stderr.includes('runs the scheduler');
    const victim = pair.find(runsReminders);
    const survivor = pair.find((i) => !runsReminders(i));
    if (!victim || !survivor) throw new Error('expected one lease holder and one standby');
    const firstWave = EARLY.length * 2 + 1; // a channel post and a DM each, and the board
    await fake.waitFor(
      () => fake.messages(channelId).length + EARLY.flatMap((n) => fake.dms(n)).length >= firstWave,
      { timeoutMs: 10_000, message: 'the reminders due at start were not all sent' },
    );

    // The burst, alternating; the lease holder is killed after a random number of replies.
    const killAfter = Math.floor(BURST * (0.2 + 0.5 * random()));
    const extraDelayMs = Math.floor(random() * 15);
    const acknowledged: { id: string; title: string; user: string }[] = [];
    const failures: string[] = [];
    /** Answered in time, but the entry never shown: a deferral whose edit never came. */
    const unfinished: string[] = [];
    let sent = 0;
    let answered = 0;
    let deferred = 0;
    let killed = false;
    const mark = fake.httpDeliveries.length;
    await pool(BURST, IN_FLIGHT, async (i) => {
      const title = `kill-${i}`;
      const user = `member${i % MEMBERS}`;
      sent++;
      try {
        const reply = await fake.command({
          name: 'log mentor',
          options: { date: '2026-01-01', title },
          user,
        });
        answered++;
        if (answered === killAfter) {
          killed = true;
          setTimeout(() => kill(victim.child, 'SIGKILL'), extraDelayMs);
        }
        if (reply.type === CallbackType.DeferredChannelMessageWithSource) deferred++;
        const id = await entryShownBy(reply);
        if (id === null) unfinished.push(reply.id);
        else acknowledged.push({ id, title, user });
      } catch (error) {
        failures.push(`${title}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    expect(killed, 'the burst ended before the kill point').toBe(true);
    expect((await victim.finished).signal).toBe('SIGKILL');
    const burst = fake.httpDeliveries.slice(mark);
    const victimUrl = `${victim.url}/interactions`;
    const survivorUrl = `${survivor.url}/interactions`;

    // Everything the survivor got, it answered in time; only the victim's in-flight ones failed.
    const toSurvivor = burst.filter((d) => d.url === survivorUrl);
    expect(toSurvivor.filter((d) => d.outcome !== 'answered')).toEqual([]);
    const failedIds = new Set(
      burst.filter((d) => d.outcome !== 'answered').map((d) => d.interactionId),
    );
    const unfinishedIds = new Set(unfinished);
    const elsewhere = burst.filter(
      (d) =>
        (failedIds.has(d.interactionId) || unfinishedIds.has(d.interactionId)) &&
        d.url !== victimUrl,
    );
    expect(elsewhere, 'unanswered or unfinished, yet not sent to the killed instance').toEqual([]);
    expect(failures).toHaveLength(failedIds.size);
    expect(answered + failures.length).toBe(sent);

    // Every acknowledged entry is stored exactly once; no command was recorded twice.
    const stored = new Map<string, { title: string; user: string }[]>();
    const titles = new Map<string, number>();
    for (let m = 0; m < MEMBERS; m++) {
      const user = `member${m}`;
      for (const entry of await store.activities.list(fake.user(user).id)) {
        const title = String(entry.activity.title);
        stored.set(entry.id, [...(stored.get(entry.id) ?? []), { title, user }]);
        titles.set(title, (titles.get(title) ?? 0) + 1);
      }
    }
    const lost = acknowledged.filter((a) => {
      const found = stored.get(a.id) ?? [];
      return !(found.length === 1 && found[0]?.title === a.title && found[0]?.user === a.user);
    });
    expect(lost, 'acknowledged but not stored exactly once').toEqual([]);
    expect(
      [...titles].filter(([, n]) => n > 1),
      'recorded twice',
    ).toEqual([]);

    // After the kill: two more members become due, through the survivor.
    for (const name of LATE) {
      await fake.command({
        name: 'cert add',
        options: { credential: 'personal-trainer', expires: formatUsDate(addDays(today, 4)) },
        user: name,
      });
      await fake.command({ name: 'group join', user: name });
      expect(await store.certifications.list(fake.user(name).id)).toHaveLength(1);
    }
    expect(await store.groups.members(guild.id)).toHaveLength(EARLY.length + LATE.length);
    // The dead holder's lease would run out within a minute; end it now instead of waiting.
    await store.db
      .updateTable('leases')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('name', '=', 'reminders')
      .execute();
    // A supervisor restarts the killed instance: it joins the rotation, and either process
    // (its first tick, or the survivor's renewal) takes the lease and sends what is due.
    const restarted = await start();
    await fake.setInteractionsEndpoint([survivorUrl, `${restarted.url}/interactions`]);
    const total = firstWave + LATE.length * 2;
    await fake.waitFor(
      () =>
        fake.messages(channelId).length + [...EARLY, ...LATE].flatMap((n) => fake.dms(n)).length >=
        total,
      { timeoutMs: 30_000, message: 'the reminders due after the kill were not all sent' },
    );
    const after = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        fake.command({
          name: 'log mentor',
          options: { date: '2026-01-01', title: `after-${i}` },
          user: 'member0',
        }),
      ),
    );
    expect((await Promise.all(after.map(entryShownBy))).filter((id) => id === null)).toEqual([]);
    expect(count(fake.httpDeliveries, `${restarted.url}/interactions`, 'answered')).toBeGreaterThan(
      0,
    );

    for (const instance of [survivor, restarted]) {
      kill(instance.child, 'SIGTERM');
      expect((await instance.finished).code).toBe(0);
    }
    const { received, sent: logged, unsent } = await reminders(fake, store, channelId);
    expect(received).toHaveLength(total);
    expect(received).toEqual(logged);
    expect(unsent).toBe(0);
    // The lease went to exactly one of them, and stayed there.
    expect([survivor, restarted].filter(runsReminders)).toHaveLength(1);

    console.log(
      `http kill (${dialect}): killed the lease holder after ${killAfter} replies + ${extraDelayMs} ms; ` +
        `sent ${sent}, answered ${answered} (survivor ${count(burst, survivorUrl, 'answered')}/${toSurvivor.length} in the window, ` +
        `killed instance ${count(burst, victimUrl, 'answered')} before the kill, ${failedIds.size} cut off with it` +
        `${unfinished.length ? ` and ${unfinished.length} deferred by it and never finished` : ''}, ` +
        `${burst.filter((d) => d.refused.length > 0).length} refused by it and sent on; ` +
        `${deferred} deferred under load), acknowledged ${acknowledged.length}, lost ${lost.length}, ` +
        `${titles.size - acknowledged.length} stored but never acknowledged; ` +
        `reminders ${received.length}, each once (${firstWave} at start, ${total - firstWave} after the kill, ` +
        `by the ${runsReminders(survivor) ? 'survivor' : 'restarted instance'})`,
    );
  }, 120_000);
});
