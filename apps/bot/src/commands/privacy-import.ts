/**
 * `/privacy import file:<attachment>`: the bot's JSON export or a calculator
 * plan, checked by the rules and shown as a private preview; Import writes it
 * in one transaction. The pending import lives in the preview itself: the
 * checked plan is attached to it and the Import button carries the file's
 * hash, so a press reads back exactly what was previewed, after a restart or
 * on another process too, and nothing is kept on the bot's side.
 */
import { createHash } from 'node:crypto';
import type { Plan } from '@cec/rules';
import { type AttachmentRef, fetchAttachment } from '../members/attachment.js';
import {
  compareWithRecords,
  type ImportDiff,
  pendingFileText,
  readImportFile,
} from '../members/import-plan.js';
import type { Reply } from '../render/payload.js';
import {
  PENDING_FILE,
  renderImportCancelled,
  renderImportExpired,
  renderImported,
  renderImportNotDone,
  renderImportPreview,
  renderImportProblems,
  renderImportStale,
  renderNothingToImport,
} from '../render/privacy-import.js';
import { MAX_ENTRIES_PER_MEMBER } from './log.js';
import type { ButtonInput, ButtonOutcome, CommandContext, CommandInput } from './types.js';
import { MemberError } from './types.js';

/** The largest file read: a full export of 1,000 entries is about 300 KB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** The command is deferred, so the member's file may take this long to arrive. */
const COMMAND_FETCH_MS = 8_000;
/** A press is not deferred: reading the preview's file back must leave time to answer in 3 s. */
const PRESS_FETCH_MS = 2_000;
/** The preview's buttons work for this long. */
export const IMPORT_WINDOW_SECONDS = 15 * 60;

/** Characters of the file's SHA-256 the Import button carries (base64url: 96 bits). */
const HASH_LENGTH = 16;

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, HASH_LENGTH);
}

/** Too many entries after the import: refused before anything is written. */
function overLimit(context: { held: number; adding: number }): string | null {
  const total = context.held + context.adding;
  return total > MAX_ENTRIES_PER_MEMBER
    ? `You have ${context.held} entries and the file adds ${context.adding}: the bot keeps at most ${MAX_ENTRIES_PER_MEMBER} for one member. Remove old ones with \`/log remove\` first.`
    : null;
}

async function readAndCompare(
  ref: AttachmentRef,
  userId: string,
  context: CommandContext,
  timeoutMs: number,
): Promise<
  | {
      ok: true;
      text: string;
      plan: Plan;
      source: 'export' | 'plan';
      diff: ImportDiff;
      held: number;
    }
  | { ok: false; problems: string[] }
> {
  const fetched = await fetchAttachment(ref, {
    origins: context.attachmentOrigins,
    maxBytes: MAX_IMPORT_BYTES,
    timeoutMs,
  });
  if (!fetched.ok) return { ok: false, problems: [fetched.problem] };
  const read = readImportFile(fetched.text, context.today(), MAX_ENTRIES_PER_MEMBER);
  if (!read.ok) return read;
  const yours = await context.members.load(userId, context.today());
  const held = yours.entries.length + yours.skipped.length;
  return {
    ok: true,
    text: fetched.text,
    plan: read.plan,
    source: read.source,
    diff: compareWithRecords(read.plan, yours.plan),
    held,
  };
}

export async function previewImport(
  input: CommandInput,
  context: CommandContext,
  prefix: string,
): Promise<Reply> {
  const ref = input.attachments?.file;
  if (!ref) {
    throw new MemberError(
      '`/privacy import` needs `file:`: the `cec-data.json` from `/privacy export`, or a plan saved with the calculator’s JSON export.',
    );
  }
  const result = await readAndCompare(ref, input.user.id, context, COMMAND_FETCH_MS);
  if (!result.ok) return renderImportProblems(result.problems);
  const { diff } = result;
  if (diff.certifications.length === 0 && diff.activities.length === 0) {
    return renderNothingToImport(diff);
  }
  const full = overLimit({ held: result.held, adding: diff.activities.length });
  if (full) return renderImportProblems([full]);
  const pending = pendingFileText(result.plan);
  const until = Math.floor(context.now().getTime() / 1000) + IMPORT_WINDOW_SECONDS;
  const owner = `${input.user.id}:${until}`;
  return renderImportPreview(
    diff,
    result.source,
    {
      importId: `${prefix}:go:${owner}:${hashOf(pending)}`,
      cancelId: `${prefix}:cancel:${owner}`,
    },
    pending,
  );
}

/** Raised inside the transaction when the member fills up meanwhile: everything rolls back. */
class ImportFull extends Error {}

/** A press on the preview's buttons, already checked to be its owner's. */
export async function pressImport(
  button: { action: string; until: string | undefined; hash: string | undefined },
  input: ButtonInput,
  context: CommandContext,
): Promise<ButtonOutcome> {
  const { action, until, hash } = button;
  if (action === 'cancel') return { replace: true, reply: renderImportCancelled() };
  if (!until || Number(until) < Math.floor(context.now().getTime() / 1000)) {
    return { replace: true, reply: renderImportExpired() };
  }
  const ref = input.attachments?.find((a) => a.filename === PENDING_FILE);
  if (!ref || !hash) return { replace: true, reply: renderImportStale() };
  const result = await readAndCompare(ref, input.user.id, context, PRESS_FETCH_MS);
  if (!result.ok) {
    return { replace: false, reply: renderImportNotDone(result.problems.join(' ')) };
  }
  if (hashOf(result.text) !== hash) return { replace: true, reply: renderImportStale() };
  const full = overLimit({ held: result.held, adding: result.diff.activities.length });
  if (full) return { replace: false, reply: renderImportNotDone(full) };
  const userId = input.user.id;
  try {
    const added = await context.store.transaction(async (r) => {
      // Compared again inside the transaction, so two presses at once (two previews of one
      // file) do not both add it: on SQLite the transaction holds the database meanwhile.
      const certifications = await r.certifications.list(userId);
      const entries = await r.activities.list(userId);
      const yours = context.members.build(certifications, entries, context.today());
      const diff = compareWithRecords(result.plan, yours.plan);
      for (const certification of diff.certifications) {
        await r.certifications.save(userId, certification);
      }
      const today = context.today();
      for (const activity of diff.activities) {
        // As /log records it: an entry still to come is planned, and counts once confirmed.
        const confirmed = activity.completed <= today;
        const stored = await r.activities.addWithin(
          userId,
          activity,
          MAX_ENTRIES_PER_MEMBER,
          confirmed,
        );
        if (!stored) throw new ImportFull();
      }
      return { certifications: diff.certifications.length, activities: diff.activities.length };
    });
    return { replace: true, reply: renderImported(added) };
  } catch (error) {
    if (!(error instanceof ImportFull)) throw error;
    return {
      replace: false,
      reply: renderImportNotDone(
        `Your entries reached the bot's limit of ${MAX_ENTRIES_PER_MEMBER} meanwhile. Remove old ones with \`/log remove\` first.`,
      ),
    };
  }
}
