/** A guild member by id (what a bot asks to learn whether someone is still in the server). */
import type { RestApi } from '../server.js';
import type { World } from '../state.js';
import { apiError, ErrorCode } from '../util.js';

export function memberRoutes(api: RestApi, deps: { world: World }): void {
  api.add('GET', '/guilds/:guild/members/:user', (ctx) => {
    const guild = deps.world.guilds.get(ctx.params.guild ?? '');
    if (!guild) throw apiError(404, ErrorCode.UnknownGuild, 'Unknown Guild');
    const member = guild.members.get(ctx.params.user ?? '');
    if (!member) throw apiError(404, ErrorCode.UnknownMember, 'Unknown Member');
    return { json: deps.world.memberJson(member) };
  });
}
