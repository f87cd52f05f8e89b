import type { ApiResult } from '../shared/contract/api-error';

/** What the browser shell's core worker needs to open the core. */
export interface CoreWorkerData {
  dataDir: string;
  appVersion: string;
  /** Open the sample deployment with a demo profile (`--demo`). */
  demo: boolean;
}

/** From the shell to the worker: a call, or close the core (every write is on disk after `closed`). */
export type CoreWorkerRequest = { id: number; method: string; input: unknown } | { close: true };

/** From the worker to the shell. A result is plain JSON already (what the host sends as is). */
export type CoreWorkerReply =
  | { ready: true }
  | { failed: { name: string; code?: string; message: string; stack?: string } }
  | { id: number; result: ApiResult<unknown> }
  | { closed: true };
