import { checkCommand } from './check-command';
import type { CliCommand } from './command';
import { infoCommand } from './info-command';
import { planCommand } from './plan-command';
import { scheduleCommand } from './schedule-command';
import { serverCommand } from './server-command';
import { verifyCommand } from './verify-command';

/** Every `outpost` sub-command. Add a command by writing its file and listing it here. */
export const CLI_COMMANDS: readonly CliCommand[] = [infoCommand, checkCommand, verifyCommand, serverCommand, planCommand, scheduleCommand];
