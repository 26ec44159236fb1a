import type { Command } from 'commander';
import { register as config } from './config';
import { register as platform } from './platform';
import { register as health } from './health';
import { register as start } from './start';

/** Every subcommand module registers itself on the program; add new ones here. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [start, config, platform, health];
