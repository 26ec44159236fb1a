import type { Command } from 'commander';

/**
 * The top-level command `name` as the command table (commands/index.ts) declared it, with its
 * summary; a command module adds its arguments, options, subcommands and action to it.
 */
export function topCommand(program: Command, name: string): Command {
  const found = program.commands.find((c) => c.name() === name);
  if (!found) throw new Error(`tongban ${name} is not declared in main/cli/commands/index.ts`);
  return found;
}
