import { Command } from 'commander';
import { commands } from './commands';
import { reportCliError } from './cli-error';

const program = new Command('tongban')
  .description('Tongban (通办) terminal: kiosk, counter, platform, devices and tools')
  .showHelpAfterError();

for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportCliError(error);
}
