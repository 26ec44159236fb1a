import { Command } from 'commander';
import { registerCommands } from './commands';
import { reportCliError } from './cli-error';

const program = new Command('tongban')
  .description('Tongban (通办) terminal: kiosk, counter, platform, devices and tools')
  .showHelpAfterError();

try {
  await registerCommands(program, process.argv.slice(2));
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportCliError(error);
}
