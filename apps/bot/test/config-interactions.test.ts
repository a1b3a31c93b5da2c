/** INTERACTIONS_PORT and DISCORD_PUBLIC_KEY: the HTTP interactions mode's settings, each problem in one sentence. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_INTERACTIONS_HOST, loadConfig } from '../src/config.js';

const KEY = 'a'.repeat(64);

function problems(env: Record<string, string>): string[] {
  const result = loadConfig(env);
  return result.ok ? [] : result.problems;
}

describe('the HTTP interactions settings', () => {
  test('a port and a public key: the endpoint on every interface by default', () => {
    const result = loadConfig({
      INTERACTIONS_PORT: ' 8080 ',
      DISCORD_PUBLIC_KEY: ` ${KEY.toUpperCase()} `,
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        interactions: { port: 8080, host: DEFAULT_INTERACTIONS_HOST, publicKey: KEY.toUpperCase() },
      },
    });
    expect(
      loadConfig({
        INTERACTIONS_PORT: '0',
        INTERACTIONS_HOST: '127.0.0.1',
        DISCORD_PUBLIC_KEY: KEY,
      }),
    ).toMatchObject({ ok: true, config: { interactions: { port: 0, host: '127.0.0.1' } } });
  });

  test('no port: the gateway, whatever the key', () => {
    expect(loadConfig({ DISCORD_PUBLIC_KEY: KEY })).toMatchObject({
      ok: true,
      config: { interactions: null },
    });
  });

  test('a port without the key says where to find it', () => {
    expect(problems({ INTERACTIONS_PORT: '8080' })).toEqual([
      "INTERACTIONS_PORT needs DISCORD_PUBLIC_KEY, the application's Public Key (Developer Portal → General Information), to check that each request comes from Discord.",
    ]);
  });

  test.each(['abc', '-1', '65536', '80.5'])('INTERACTIONS_PORT=%s is refused', (port) => {
    expect(problems({ INTERACTIONS_PORT: port, DISCORD_PUBLIC_KEY: KEY })).toEqual([
      'INTERACTIONS_PORT must be a TCP port number from 0 to 65535, like INTERACTIONS_PORT=8080 (leave it unset to use the gateway).',
    ]);
  });

  test.each(['a'.repeat(63), 'g'.repeat(64), `${KEY}00`, 'key'])(
    'DISCORD_PUBLIC_KEY=%s is refused',
    (key) => {
      expect(problems({ INTERACTIONS_PORT: '8080', DISCORD_PUBLIC_KEY: key })).toEqual([
        "DISCORD_PUBLIC_KEY must be the 64 hexadecimal characters of the application's Public Key (Developer Portal → General Information → Public Key).",
      ]);
    },
  );

  test('SHARDS with INTERACTIONS_PORT: one or the other', () => {
    expect(problems({ SHARDS: '2', INTERACTIONS_PORT: '8080', DISCORD_PUBLIC_KEY: KEY })).toEqual([
      'SHARDS and INTERACTIONS_PORT do not go together: an HTTP interactions instance has no gateway to shard (run several instances behind a load balancer instead).',
    ]);
  });

  test('INTERACTIONS_HOST must be an address', () => {
    expect(
      problems({
        INTERACTIONS_PORT: '8080',
        INTERACTIONS_HOST: 'http://x/',
        DISCORD_PUBLIC_KEY: KEY,
      }),
    ).toEqual([
      'INTERACTIONS_HOST must be an address or host name to listen on, like 127.0.0.1 or 0.0.0.0 (the default).',
    ]);
  });
});
