/** Command registration: PUT the whole list, globally or in one guild (what deploy scripts do). */
import type { CommandRegistry } from '../commands.js';
import type { RestApi, RouteContext } from '../server.js';
import type { World } from '../state.js';
import { apiError, ErrorCode } from '../util.js';

export interface CommandRouteDeps {
  applicationId: string;
  world: World;
  commands: CommandRegistry;
}

export function commandRoutes(api: RestApi, deps: CommandRouteDeps): void {
  const checkApp = (ctx: RouteContext): void => {
    if (ctx.params.app !== deps.applicationId) {
      throw apiError(404, ErrorCode.UnknownApplication, 'Unknown Application');
    }
  };
  api.add('PUT', '/applications/:app/commands', (ctx) => {
    checkApp(ctx);
    return { json: deps.commands.overwrite(ctx.body) };
  });
  api.add('PUT', '/applications/:app/guilds/:guild/commands', (ctx) => {
    checkApp(ctx);
    const guild = deps.world.guilds.get(ctx.params.guild ?? '');
    if (!guild) throw apiError(404, ErrorCode.UnknownGuild, 'Unknown Guild');
    return { json: deps.commands.overwrite(ctx.body, guild.id) };
  });
}
