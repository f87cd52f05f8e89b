/** Bounds of a target import; past them the file is refused with the reason, nothing is read further. */
export const TARGET_IMPORT_MAX_HOSTS = 50_000;
/** Hosts one range pattern (`pos[01:20].store-014`) may expand to. */
export const TARGET_IMPORT_MAX_RANGE = 10_000;
export const TARGET_IMPORT_MAX_GROUPS = 50_000;
export const TARGET_IMPORT_MAX_LINE = 64 * 1024;
/** Host rows and skipped secrets a preview carries at most (counts cover all). */
export const TARGET_PREVIEW_MAX_ROWS = 2_000;
export const TARGET_PREVIEW_MAX_SKIPPED = 500;

/** Why an inventory cannot be read at all (not one host's problem). */
export class InventoryError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.name = 'InventoryError';
  }
}
