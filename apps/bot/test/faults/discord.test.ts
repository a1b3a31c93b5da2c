/**
 * Discord misbehaving: the gateway closes (resumable and not), asks for a
 * reconnect, invalidates the session or stops acknowledging heartbeats; REST
 * answers 429 with `retry_after`, or 500. The real discord.js client, router
 * and an on-disk store, logged in to the fake Discord. After each fault the
 * bot answers the next interaction; the summary line counts the faults it
 * came through.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { type FakeWorld, startFakeWorld } from '../helpers/fake-discord.js';

const worlds: FakeWorld[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) {
    world.fake.assertNoUnknownRoutes();
    await world.close();
  }
});
async function world(options: Parameters<typeof startFakeWorld>[0] = {}) {
  const w = await startFakeWorld(options);
  worlds.push(w);
  return w;
}

const survived: string[] = [];
const attempted: string[] = [];
/** Runs one fault scenario and counts it as survived only when every check in it passed. */
function fault(name: string, run: () => Promise<void>, timeoutMs?: number) {
  test(
    name,
    async () => {
      attempted.push(name);
      await run();
      survived.push(name);
    },
    timeoutMs,
  );
}
afterAll(() => {
  console.log(`faults survived: ${survived.length}/${attempted.length}`);
  for (const name of attempted)
    console.log(`  ${survived.includes(name) ? 'ok  ' : 'FAIL'} ${name}`);
});

/** A public answer that needs nothing stored. */
async function answersCpr(w: FakeWorld): Promise<void> {
  const reply = await w.fake.command({ name: 'cec cpr', options: { term: '2yr' } });
  expect(reply.type).toBe(4);
  expect(reply.embeds[0]?.title).toContain('0.4 CECs');
}

/** A private /log that writes: the entry is stored once and the reply names it. */
async function answersLog(w: FakeWorld, user: string, title: string): Promise<void> {
  const reply = await w.fake.command({
    name: 'log mentor',
    options: { date: '2026-01-01', title },
    user,
  });
  expect(reply.ephemeral).toBe(true);
  const id = /Entry `([a-z0-9]+)`/.exec(String(reply.embeds[0]?.description ?? ''))?.[1];
  expect(id).toBeDefined();
  const stored = await w.store.activities.list(w.fake.user(user).id);
  expect(stored.filter((s) => s.activity.title === title).map((s) => s.id)).toEqual([id]);
}

describe('the gateway', () => {
  // Resumable closes come back with RESUME, the others with a fresh IDENTIFY; either way
  // the bot must be answering again. (discord.js decides which; the fake reports it.)
  for (const [code, meaning] of [
    [4000, 'unknown error'],
    [4008, 'rate limited'],
    [4009, 'session timed out'],
    [1001, 'going away'],
  ] as const) {
    fault(`closed with ${code} (${meaning}): reconnects and answers`, async () => {
      const w = await world();
      expect(['resumed', 'identified']).toContain(await w.fake.disconnect(code));
      await answersCpr(w);
      await answersLog(w, 'gail', `after ${code}`);
    });
  }

  fault('closed (4000) and resumed: the resume is logged, nothing re-identified', async () => {
    const w = await world();
    expect(await w.fake.disconnect(4000)).toBe('resumed');
    expect(w.fake.resumes).toBe(1);
    expect(w.fake.identifies).toBe(1);
    await answersCpr(w);
    expect(w.logs.some((l) => l.includes('gateway resumed'))).toBe(true);
  });

  fault(
    'an interaction sent while the connection is down is answered after the resume',
    async () => {
      const w = await world();
      const comeback = w.fake.disconnect(4000);
      const reply = w.fake.command({ name: 'cec cpr', options: { term: '2yr' } });
      expect(await comeback).toBe('resumed');
      expect((await reply).embeds[0]?.title).toContain('0.4 CECs');
    },
  );

  fault('Discord asks for a reconnect (op 7): resumes and answers', async () => {
    const w = await world();
    expect(await w.fake.requestReconnect()).toBe('resumed');
    await answersCpr(w);
  });

  fault('an invalid session (op 9, not resumable): identifies again and answers', async () => {
    const w = await world();
    expect(await w.fake.invalidateSession()).toBe('identified');
    expect(w.fake.identifies).toBe(2);
    await answersCpr(w);
    await answersLog(w, 'ivan', 'after an invalid session');
  });

  fault('an invalid session marked resumable: comes back and answers', async () => {
    const w = await world();
    expect(['resumed', 'identified']).toContain(await w.fake.invalidateSession(true));
    await answersCpr(w);
  });

  fault(
    'heartbeats stop being acknowledged (a zombie connection): reconnects and answers',
    async () => {
      const w = await world({ fake: { heartbeatIntervalMs: 250 } });
      const mark = w.fake.gatewayEvents.length;
      w.fake.ackHeartbeats = false;
      const back = await w.fake.waitFor(
        () =>
          w.fake.gatewayEvents
            .slice(mark)
            .find((e) => e.type === 'resume' || e.type === 'identify'),
        { timeoutMs: 5000 },
      );
      w.fake.ackHeartbeats = true;
      expect(['resume', 'identify']).toContain(back.type);
      await answersCpr(w);
    },
  );
});

describe('REST faults', () => {
  fault(
    '429 with retry_after on the reply: discord.js waits as told and the reply lands',
    async () => {
      const w = await world();
      w.fake.failNext({ pathPattern: /\/callback$/, status: 429, retryAfter: 0.3 });
      const reply = await w.fake.command({ name: 'cec cpr', options: { term: '2yr' } });
      expect(reply.embeds[0]?.title).toContain('0.4 CECs');
      const callbacks = w.fake.requests.filter((r) => r.path.endsWith('/callback'));
      expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
      const [limited, retried] = callbacks;
      // Waited for retry_after (300 ms; a little slack for timer granularity), not hammered.
      expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(250);
    },
  );

  fault('429 on a deferred reply’s edit (/privacy export): the files still arrive', async () => {
    const w = await world();
    await answersLog(w, 'pia', 'to export');
    w.fake.failNext({
      method: 'PATCH',
      pathPattern: /\/messages\/@original$/,
      status: 429,
      retryAfter: 0.2,
    });
    const reply = await w.fake.command({ name: 'privacy export', user: 'pia' });
    expect(reply.type).toBe(5);
    const message = await reply.final();
    expect(message.files.map((f) => f.name)).toEqual(['cec-data.csv', 'cec-data.json']);
    expect(w.fake.failedRequests.map((r) => r.status)).toEqual([429]);
  });

  fault('a single 500 on the reply: retried by discord.js, the member never notices', async () => {
    const w = await world();
    w.fake.failNext({ pathPattern: /\/callback$/, status: 500 });
    await answersCpr(w);
    expect(w.fake.failedRequests.map((r) => r.status)).toEqual([500]);
    expect(w.logs.filter((l) => l.includes(' ERROR '))).toEqual([]);
  });

  fault(
    '500s on a reply: logged, the apology lands once Discord recovers, the bot lives on',
    async () => {
      const w = await world();
      // discord.js retries a 5xx three times: four failures make the reply itself fail.
      w.fake.failNext({ pathPattern: /\/callback$/, status: 500, times: 4 });
      const failed = await w.fake.command({ name: 'cec cpr', options: { term: '2yr' } });
      expect(failed.ephemeral).toBe(true);
      expect(failed.content).toContain('Sorry, something went wrong on my side');
      expect(w.fake.failedRequests.map((r) => r.status)).toEqual([500, 500, 500, 500]);
      expect(w.logs.some((l) => l.includes('ERROR answering /cec cpr'))).toBe(true);
      await answersCpr(w);
      await answersLog(w, 'rosa', 'after four 500s');
    },
  );

  fault('500s on a deferred edit: logged, and the next interactions are answered', async () => {
    const w = await world();
    await answersLog(w, 'ugo', 'to export');
    w.fake.failNext({
      method: 'PATCH',
      pathPattern: /\/messages\/@original$/,
      status: 500,
      times: 8,
    });
    const reply = await w.fake.command({ name: 'privacy export', user: 'ugo' });
    expect(reply.type).toBe(5);
    await w.fake.waitFor(() => w.logs.some((l) => l.includes('ERROR answering /privacy export')), {
      timeoutMs: 5000,
    });
    expect(w.logs.join('\n')).not.toContain('FATAL');
    await answersCpr(w);
    await answersLog(w, 'ugo', 'after 500s on an edit');
  });
});
