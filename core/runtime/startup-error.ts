/** A problem that stops Outpost from opening its data, with a message meant for the person at the keyboard. */
export type StartupErrorCode = 'schema_too_new' | 'corrupt' | 'migration_failed' | 'data_dir_unusable';

export class StartupError extends Error {
  constructor(
    readonly code: StartupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
