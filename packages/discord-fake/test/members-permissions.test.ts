/** Channel permissions on posts, members leaving and renaming, and refused privileged intents. */
import { once } from 'node:events';
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { channelPermissions } from '../src/channel-permissions.js';
import {
  ALL_PERMISSIONS,
  type FakeDiscord,
  type FakeDiscordOptions,
  Permission,
  setPermissionOverwrite,
  startFakeDiscord,
} from '../src/index.js';

const open: { fake: FakeDiscord; client?: Client }[] = [];
afterEach(async () => {
  for (const { fake, client } of open.splice(0)) {
    await client?.destroy();
    await fake.close();
  }
});

async function fakeWith(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = await startFakeDiscord({
    guilds: [
      {
        channels: [
          { name: 'general' },
          { name: 'quiet', botDeny: Permission.SendMessages },
          { name: 'hidden', botDeny: Permission.ViewChannel },
          { name: 'no-embeds', botDeny: Permission.EmbedLinks },
        ],
      },
    ],
    ...options,
  });
  open.push({ fake });
  return fake;
}

async function post(fake: FakeDiscord, channel: string, body: object) {
  const response = await fetch(`${fake.apiUrl}/v10/channels/${fake.channel(channel).id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bot x' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { code?: number } };
}

const EMBED = { embeds: [{ title: 'Hello' }] };

describe('a post needs the bot’s permissions in the channel', () => {
  test('View Channel (50001), Send Messages (50013), Embed Links for embeds alone (50013)', async () => {
    const fake = await fakeWith();
    expect((await post(fake, 'general', EMBED)).status).toBe(200);
    expect(await post(fake, 'hidden', { content: 'hi' })).toMatchObject({
      status: 403,
      json: { code: 50001 },
    });
    expect(await post(fake, 'quiet', { content: 'hi' })).toMatchObject({
      status: 403,
      json: { code: 50013 },
    });
    expect(await post(fake, 'no-embeds', EMBED)).toMatchObject({
      status: 403,
      json: { code: 50013 },
    });
    expect((await post(fake, 'no-embeds', { content: 'hi', ...EMBED })).status).toBe(200);
    const [kept] = fake.messages('no-embeds');
    expect(kept?.content).toBe('hi');
    expect(kept?.embeds).toEqual([]);
    expect(fake.messages('quiet')).toEqual([]);
  });

  test('overwrites apply @everyone, then roles, then the member; Administrator ignores them', async () => {
    const fake = await fakeWith();
    const guild = fake.guild();
    const channel = fake.channel('general');
    const bot = fake.botUser.id;
    const botRole = [...guild.roles.values()].find((r) => r.managed)?.id ?? '';
    setPermissionOverwrite(channel, { id: guild.id, type: 0 }, { deny: Permission.SendMessages });
    expect(channelPermissions(guild, channel, bot) & Permission.SendMessages).toBe(0n);
    setPermissionOverwrite(channel, { id: botRole, type: 0 }, { allow: Permission.SendMessages });
    expect(channelPermissions(guild, channel, bot) & Permission.SendMessages).not.toBe(0n);
    setPermissionOverwrite(channel, { id: bot, type: 1 }, { deny: Permission.SendMessages });
    expect(channelPermissions(guild, channel, bot) & Permission.SendMessages).toBe(0n);
    setPermissionOverwrite(
      channel,
      { id: guild.ownerId, type: 1 },
      { deny: Permission.ViewChannel },
    );
    expect(channelPermissions(guild, channel, guild.ownerId)).toBe(ALL_PERMISSIONS);
  });
});

async function login(fake: FakeDiscord, intents: GatewayIntentBits[]): Promise<Client> {
  const client = new Client({ intents, ...fake.clientOptions() });
  const entry = open.find((o) => o.fake === fake);
  if (entry) entry.client = client;
  return client;
}

describe('members and privileged intents', () => {
  test('a refused intent closes IDENTIFY with 4014', async () => {
    const fake = await fakeWith({ privilegedIntents: 0 });
    const client = await login(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers]);
    const closed = once(client, Events.ShardDisconnect);
    void client.login('fake-token').catch(() => undefined);
    const [event] = (await closed) as [{ code: number }];
    expect(event.code).toBe(4014);
    expect(fake.gatewayEvents.map((e) => [e.type, e.code])).toEqual([['close', 4014]]);
  });

  test('leave and rename dispatch only with Server Members; GET member answers 10007 once gone', async () => {
    const fake = await fakeWith();
    const client = await login(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers]);
    const seen: string[] = [];
    client.ws.on(GatewayDispatchEvents.GuildMemberUpdate, (d: { nick: string }) =>
      seen.push(`update ${d.nick}`),
    );
    client.ws.on(GatewayDispatchEvents.GuildMemberRemove, (d: { user: { username: string } }) =>
      seen.push(`remove ${d.user.username}`),
    );
    const ready = once(client, Events.ClientReady);
    await client.login('fake-token');
    await ready;
    const owner = fake.user('owner');
    const member = `${fake.apiUrl}/v10/guilds/${fake.guild().id}/members/${owner.id}`;
    const headers = { authorization: 'Bot x' };
    expect((await fetch(member, { headers })).status).toBe(200);
    expect(fake.serverMembers.rename('owner', 'Boss')).toBe(true);
    expect(fake.serverMembers.leave('owner')).toBe(true);
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual(['update Boss', 'remove owner']);
    const gone = await fetch(member, { headers });
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { code: number }).code).toBe(10007);
  });
});
