/** `/help`: what the bot does, with commands to copy. */
import { OPPORTUNITIES, RENEWAL_REQUIREMENT } from '@cec/rules';
import { DISCLAIMER } from './format.js';
import { COLORS, type Reply } from './payload.js';

/** `/cec <kind>` for every opportunity that needs no option: its value, limit and source. */
const NO_OPTION = OPPORTUNITIES.filter((o) => !o.fields.some((f) => f.forValue))
  .map((o) => `\`/cec ${o.command.name}\``)
  .join(' · ');

/** `siteUrl` null: no calculator to point to (SITE_URL unset). */
export function renderHelp(siteUrl: string | null): Reply {
  return {
    ephemeral: true,
    embeds: [
      {
        title: 'CEC Toolkit: continuing education credits for ACE professionals',
        color: COLORS.info,
        description: [
          '**This is an unofficial, open-source helper. It is not affiliated with or endorsed by the American Council on Exercise (ACE).** Where ACE’s wording is ambiguous, answers say “our reading”; your ACE account and ACE’s own pages have the final word.',
          '',
          RENEWAL_REQUIREMENT,
        ].join('\n'),
        fields: [
          {
            name: 'Ask what something is worth (answers are public)',
            value: [
              '`/cec cpr term:2yr` · `/cec college credits:3 grade:B`',
              NO_OPTION,
              '`/cec course number:CA23456` · `/cec ask question:4 credit anatomy course with a C`',
            ].join('\n'),
          },
          {
            name: 'Track your own cycle (only you see these)',
            value: [
              '`/cert add credential:personal-trainer expires:03/31/2027` (or `certified:` if you only know that date)',
              '`/log cpr term:2yr date:01/15/2026` · `/log course number:CA23456 cecs:0.7 date:2026-07-01`',
              '`/log list` · `/log remove entry:` · `/progress` · `/cert list`',
              '`/remind` shows where your reminders go; `/remind where:dm days:60,14` changes it (DM, group channel, both or none).',
              'A date after today is recorded as planned.',
            ].join('\n'),
          },
          {
            name: 'Study group in this server',
            value: [
              '`/group join` shares your progress on `/group board` and turns on reminders in the group channel; `/group leave` stops both.',
              '`/progress member:@someone` works for members who joined.',
              'Moderators (Manage Server): `/group setup channel:#cec reminder-days:90,30,7,1` (the bot posts a test message there), `/group settings` to see or change it, `/group remove member:` to take someone off the board.',
            ].join('\n'),
          },
          {
            name: 'Your data',
            value:
              '`/privacy export` sends your records as CSV and JSON; `/privacy import` brings that JSON (or a calculator plan) back after a preview; `/privacy delete` erases them after a confirmation.',
          },
          ...(siteUrl === null ? [] : [{ name: 'Calculator', value: `${siteUrl}/` }]),
        ],
        footer: { text: DISCLAIMER },
      },
    ],
  };
}
