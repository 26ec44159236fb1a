import type { Command } from 'commander';
import { register as config } from './config';
import { register as platform } from './platform';
import { register as print } from './print';
import { register as health } from './health';
import { register as start } from './start';
import { register as idcard } from './idcard';
import { register as sim } from './sim';
import { register as ocr } from './ocr';
import { register as devices } from './devices';

/** Every subcommand module registers itself on the program; add new ones here. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [start, config, platform, health, print, ocr, idcard, sim, devices];
