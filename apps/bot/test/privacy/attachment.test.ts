/** Reading an attached file: what Discord says is checked first, and the download is capped. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AttachmentRef, fetchAttachment } from '../../src/members/attachment.js';

let server: Server;
let origin = '';
const hits: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/lies.json') {
      // Says nothing of its length and sends more than the cap, in pieces.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('x'.repeat(600));
      res.end('x'.repeat(600));
    } else if (req.url === '/moved.json') {
      res.writeHead(302, { location: 'http://example.invalid/plan.json' }).end();
    } else if (req.url === '/latin1.json') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(Buffer.from([0x7b, 0xe9, 0x7d]));
    } else if (req.url === '/bom.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('\uFEFF{"a":1}');
    } else if (req.url === '/silent.json') {
      // Never answers: only the time limit ends the wait.
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function ref(path: string, extra: Partial<AttachmentRef> = {}): AttachmentRef {
  return {
    id: '1',
    filename: path.slice(1),
    size: 10,
    url: `${origin}${path}`,
    contentType: 'application/json',
    ...extra,
  };
}

/** A generous time limit, except for the server that never answers (only the limit ends it). */
const limits = (timeoutMs = 10_000) => ({ origins: [origin], maxBytes: 1000, timeoutMs });

describe('fetchAttachment', () => {
  test('a file that says it is small but sends more is cut off at the cap', async () => {
    expect(await fetchAttachment(ref('/lies.json'), limits())).toEqual({
      ok: false,
      problem: '`lies.json` is larger than 1000 bytes, the most the bot reads.',
    });
  });

  test('what Discord says decides before any download: size, type, origin', async () => {
    const before = hits.length;
    const cases: [Partial<AttachmentRef>, RegExp][] = [
      [{ size: 1001 }, /is larger than 1000 bytes/],
      [{ contentType: 'image/png' }, /is image\/png; attach the `.json` file/],
      [{ contentType: null, filename: 'plan.txt' }, /is not a JSON file/],
      [{ url: 'https://evil.example/plan.json' }, /not on Discord’s attachment servers/],
      [{ url: 'not a url' }, /not on Discord’s attachment servers/],
    ];
    for (const [extra, problem] of cases) {
      const result = await fetchAttachment(ref('/plan.json', extra), limits());
      expect(result.ok ? '' : result.problem).toMatch(problem);
    }
    expect(hits.length).toBe(before);
  });

  test('a JSON file without a type is read by its name', async () => {
    expect(await fetchAttachment(ref('/bom.json', { contentType: null }), limits())).toEqual({
      ok: true,
      text: '{"a":1}',
    });
  });

  test('redirects are not followed; errors and silence get their own sentence', async () => {
    const problem = async (path: string) => {
      const result = await fetchAttachment(
        ref(path),
        limits(path === '/silent.json' ? 300 : undefined),
      );
      return result.ok ? '' : result.problem;
    };
    expect(await problem('/moved.json')).toBe(
      'The bot could not download `moved.json` from Discord. Nothing was changed; try again in a moment.',
    );
    expect(await problem('/gone.json')).toBe(
      'Discord answered 404 for `gone.json` (attachment links expire): attach it again.',
    );
    expect(await problem('/latin1.json')).toBe(
      '`latin1.json` is not UTF-8 text, so it is not a JSON export.',
    );
    expect(await problem('/silent.json')).toBe(
      'Discord took too long to send `silent.json`. Nothing was changed; try again in a moment.',
    );
  });
});
