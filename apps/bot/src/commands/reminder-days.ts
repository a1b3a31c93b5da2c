/** Reminder days typed in a command option, shared by `/group setup` and `/remind`. */
import { MemberError } from './types.js';

/**
 * Reminder days as a moderator (`/group setup reminder-days:`) or a member
 * (`/remind days:`) types them: "90, 30, 7, 1". Sorted, most days first.
 */
export function parseReminderDays(text: string, option = 'reminder-days'): number[] {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) {
    throw new MemberError(`\`${option}:\` needs at least one number of days, like \`90,30,7,1\`.`);
  }
  const days = new Set<number>();
  for (const part of parts) {
    if (!/^\d+$/.test(part)) {
      throw new MemberError(
        `\`${option}:\` takes whole numbers of days separated by commas, like \`90,30,7,1\`; "${part.slice(0, 20)}" is not one.`,
      );
    }
    const value = Number(part);
    if (value < 1 || value > 365) {
      throw new MemberError(
        `\`${option}:\` values must be between 1 and 365 days; ${value} is not.`,
      );
    }
    days.add(value);
  }
  if (days.size > 10) throw new MemberError(`\`${option}:\` takes at most 10 values.`);
  return [...days].sort((a, b) => b - a);
}
