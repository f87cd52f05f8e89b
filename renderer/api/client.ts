import { BRIDGE_GLOBAL, type OutpostBridge } from '../../shared/contract/bridge';
import type { ApiInput, ApiMethod, ApiOutput, ApiResult } from '../../shared/contract';
import { logger } from '../logging/logger';
import { httpCall } from './http-transport';

function getBridge(): OutpostBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as OutpostBridge) : null;
}

/** Which shell we run in: the Electron preload bridge, or the browser host over HTTP. */
export function transportKind(): 'bridge' | 'http' {
  return getBridge() ? 'bridge' : 'http';
}

/** The one way the renderer talks to the core. Never throws: failures come back as `{ ok: false }`. */
export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
  const bridge = getBridge();
  if (!bridge) return httpCall(method, input);
  const fn = bridge[method] as ((input: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>>) | undefined;
  if (typeof fn !== 'function') {
    return { ok: false, error: { code: 'unknown_method', message: `The desktop bridge does not offer ${method}` } };
  }
  try {
    return await fn(input);
  } catch (err) {
    logger.error(`bridge call ${method} failed`, err);
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message: `The Outpost core did not answer: ${message}` } };
  }
}
