/**
 * The built bot in HTTP interactions mode (dist/main.js with INTERACTIONS_PORT), two
 * instances on one database as behind a load balancer: requests alternate between them,
 * every /log is answered by the instance that got it and stored exactly once, one instance
 * holds the reminders lease while the other stands by, and SIGTERM stops both cleanly.
 * (Through the fake Discord's balancer, with one killed mid-burst: faults/http-instances-kill.)
 */
import { afterEach, expect, test } from 'vitest';
import { openStore } from '../src/store/index.js';
import { pool } from './faults/support.js';
import { describeEachDialect, freshDatabase } from './helpers/databases.js';
import {
  httpRequest,
  newSigningKey,
  rawCommand,
  signatureHeaders,
  startRestRecorder,
} from './helpers/http-interactions.js';
import { type Finished, type HttpInstance, kill, launchHttpInstance } from './helpers/processes.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.TwOiNs.two-instances-token-for-tests-000';
const BURST = 200;
const IN_FLIGHT = 20;

const running: HttpInstance[] = [];
afterEach(() => {
  for (const instance of running.splice(0)) kill(instance.child, 'SIGKILL');
});

async function startInstance(env: Record<string, string>): Promise<HttpInstance> {
  const instance = await launchHttpInstance(env);
  running.push(instance);
  return instance;
}

describeEachDialect((dialect) => {
  test('two instances, alternating: every /log answered and stored once; one sends reminders', async () => {
    const database = await freshDatabase(dialect);
    const rest = await startRestRecorder();
    const key = newSigningKey();
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API: rest.apiUrl,
      DATABASE_URL: database.url,
      DISCORD_PUBLIC_KEY: key.publicKeyHex,
      LOG_LEVEL: 'info',
    };
    try {
      const instances = [await startInstance(env), await startInstance(env)];
      const acknowledged: string[] = [];
      const failures: string[] = [];
      await pool(BURST, IN_FLIGHT, async (i) => {
        const body = JSON.stringify(
          rawCommand(
            'log',
            'mentor',
            { date: '2026-01-01', title: `lb-${i}` },
            { user: `5000000000000000${i % 10}` },
          ),
        );
        const target = instances[i % 2];
        const answer = await httpRequest(`${target?.url}/interactions`, {
          headers: { 'content-type': 'application/json', ...signatureHeaders(key, body) },
          body,
        });
        const data = (answer.json as { data?: { embeds?: { description?: string }[] } } | null)
          ?.data;
        const id = /Entry `([a-z0-9]+)`/.exec(data?.embeds?.[0]?.description ?? '')?.[1];
        if (id) acknowledged.push(id);
        else failures.push(`${answer.status} ${answer.text.slice(0, 200)}`);
      });
      expect(failures).toEqual([]);
      expect(acknowledged).toHaveLength(BURST);

      const leaseLines = instances.map((instance) =>
        instance.output().stderr.includes('runs the scheduler'),
      );
      expect(leaseLines.filter(Boolean)).toHaveLength(1);

      const exits: Finished[] = [];
      for (const instance of instances) {
        kill(instance.child, 'SIGTERM');
        exits.push(await instance.finished);
      }
      expect(exits.map((e) => e.code)).toEqual([0, 0]);

      const store = await openStore(database.url);
      try {
        const stored = new Map<string, number>();
        for (let m = 0; m < 10; m++) {
          for (const entry of await store.activities.list(`5000000000000000${m}`)) {
            stored.set(entry.id, (stored.get(entry.id) ?? 0) + 1);
          }
        }
        expect(acknowledged.filter((id) => stored.get(id) !== 1)).toEqual([]);
        expect(stored.size).toBe(BURST);
      } finally {
        await store.close();
      }
    } finally {
      await rest.close();
    }
  }, 90_000);
});
