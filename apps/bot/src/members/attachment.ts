/**
 * Reading a file a member attached, safely: only from the origins Discord
 * serves attachments from (never a URL taken from a file's contents), with a
 * size cap checked before and while downloading, a time limit, and the type
 * checked before a byte is parsed.
 */

/** A file attached to a command option or to the message a button is on, as Discord describes it. */
export interface AttachmentRef {
  id: string;
  filename: string;
  /** Bytes, as Discord reports them before anything is fetched. */
  size: number;
  url: string;
  /** Discord's guess from the file name; null when it has none. */
  contentType: string | null;
}

export type Fetched = { ok: true; text: string } | { ok: false; problem: string };

export interface FetchLimits {
  /** Origins (`https://cdn.discordapp.com`) the file may come from. */
  origins: readonly string[];
  maxBytes: number;
  timeoutMs: number;
}

/** Types a JSON file arrives as: Discord names `.json` application/json; some clients send text. */
const TEXT_TYPES = new Set(['application/json', 'text/plain', 'text/json']);

function tooBig(ref: AttachmentRef, max: number): Fetched {
  const limit = max % (1024 * 1024) === 0 ? `${max / (1024 * 1024)} MB` : `${max} bytes`;
  return {
    ok: false,
    problem: `\`${ref.filename}\` is larger than ${limit}, the most the bot reads.`,
  };
}

/** Checks what Discord says about the file before anything is downloaded; null when it may be. */
function refuseBeforeFetch(ref: AttachmentRef, limits: FetchLimits): Fetched | null {
  if (ref.size > limits.maxBytes) return tooBig(ref, limits.maxBytes);
  const type = ref.contentType?.split(';')[0]?.trim().toLowerCase() ?? null;
  const jsonName = /\.json$/i.test(ref.filename);
  if (type === null ? !jsonName : !TEXT_TYPES.has(type)) {
    return {
      ok: false,
      problem: `\`${ref.filename}\` is ${type ?? 'not a JSON file'}; attach the \`.json\` file from \`/privacy export\` or the calculator's JSON export.`,
    };
  }
  let url: URL;
  try {
    url = new URL(ref.url);
  } catch {
    url = new URL('invalid:');
  }
  if (!limits.origins.includes(url.origin)) {
    return {
      ok: false,
      problem: 'That file is not on Discord’s attachment servers, so the bot does not open it.',
    };
  }
  return null;
}

async function readCapped(
  body: ReadableStream<Uint8Array>,
  max: number,
): Promise<Uint8Array[] | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

/** Downloads and decodes the file as UTF-8 text (TextDecoder drops a leading byte-order mark). */
export async function fetchAttachment(ref: AttachmentRef, limits: FetchLimits): Promise<Fetched> {
  const refused = refuseBeforeFetch(ref, limits);
  if (refused) return refused;
  const retry = 'Nothing was changed; try again in a moment.';
  let response: Response;
  try {
    // No redirects: a redirect could lead off Discord's servers.
    response = await fetch(ref.url, {
      redirect: 'error',
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
  } catch (error) {
    const slow = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      problem: slow
        ? `Discord took too long to send \`${ref.filename}\`. ${retry}`
        : `The bot could not download \`${ref.filename}\` from Discord. ${retry}`,
    };
  }
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel();
    return {
      ok: false,
      problem: `Discord answered ${response.status} for \`${ref.filename}\` (attachment links expire): attach it again.`,
    };
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) {
    await response.body.cancel();
    return tooBig(ref, limits.maxBytes);
  }
  let chunks: Uint8Array[] | null;
  try {
    chunks = await readCapped(response.body, limits.maxBytes);
  } catch {
    return { ok: false, problem: `Discord took too long to send \`${ref.filename}\`. ${retry}` };
  }
  if (!chunks) return tooBig(ref, limits.maxBytes);
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)),
    };
  } catch {
    return {
      ok: false,
      problem: `\`${ref.filename}\` is not UTF-8 text, so it is not a JSON export.`,
    };
  }
}
