import type { ApiResult } from './errors';
import type { ApiInput, ApiMethod, ApiOutput } from './index';

/** The bridge the Electron preload exposes on `window.outpost`: one function per contract method. */
export type OutpostBridge = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>>;
};

export const BRIDGE_GLOBAL = 'outpost';
export const IPC_API_CHANNEL = 'outpost:api';

/** Browser shell: the per-launch token travels in this header; the page receives it in the URL fragment. */
export const TOKEN_HEADER = 'x-outpost-token';
export const TOKEN_FRAGMENT_KEY = 'token';
