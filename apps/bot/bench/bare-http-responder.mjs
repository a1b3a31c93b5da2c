// A bare HTTP interactions responder: the floor the bot's HTTP mode is compared with (see
// run.mjs). It does what any endpoint must (reads the body, checks the Ed25519 signature with
// node:crypto, parses the JSON) and answers every interaction at once with a fixed private
// message. Reads INTERACTIONS_PORT and DISCORD_PUBLIC_KEY like the bot, and prints the same
// "listening on" line.
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';

const key = createPublicKey({
  key: Buffer.concat([
    Buffer.from('302a300506032b6570032100', 'hex'),
    Buffer.from(process.env.DISCORD_PUBLIC_KEY ?? '', 'hex'),
  ]),
  format: 'der',
  type: 'spki',
});

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks);
    const timestamp = String(request.headers['x-signature-timestamp'] ?? '');
    const signature = Buffer.from(String(request.headers['x-signature-ed25519'] ?? ''), 'hex');
    if (!verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, signature)) {
      response.writeHead(401);
      response.end();
      return;
    }
    const interaction = JSON.parse(body.toString('utf8'));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify(
        interaction.type === 1
          ? { type: 1 }
          : { type: 4, data: { content: 'ok', flags: 64, allowed_mentions: { parse: [] } } },
      ),
    );
  });
});
// As the bot's endpoint: keep idle connections longer than the client does.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(Number(process.env.INTERACTIONS_PORT ?? 0), '127.0.0.1', () => {
  process.stderr.write(
    `bare responder listening on http://127.0.0.1:${server.address().port}/interactions\n`,
  );
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
