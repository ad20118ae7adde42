// yargs' types cannot follow options added in a builder through to the handler's
// argument type; this declares a command with its own argument interface instead.
import type { Argv, CommandModule } from 'yargs';
import type { GlobalArgs } from './context.ts';

export interface CommandDefinition<A extends GlobalArgs> {
  command: string;
  describe: string;
  builder: (yargs: Argv<GlobalArgs>) => Argv<unknown>;
  handler: (args: A) => Promise<void>;
}

export function defineCommand<A extends GlobalArgs>(
  definition: CommandDefinition<A>,
): CommandModule<GlobalArgs, A> {
  return definition as unknown as CommandModule<GlobalArgs, A>;
}
