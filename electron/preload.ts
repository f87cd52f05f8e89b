// Sandboxed preload: bundled to CommonJS, it may require only 'electron'. It exposes exactly one
// object, window.outpost, with one function per contract method, and nothing else (no ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../shared/contract/errors';
import { API_METHOD_NAMES, type ApiMethodName } from '../shared/contract/method-names';
import { BRIDGE_GLOBAL, IPC_API_CHANNEL, type OutpostBridge } from '../shared/contract/bridge';

function call(method: ApiMethodName) {
  return async (input: unknown): Promise<ApiResult<unknown>> => {
    try {
      return (await ipcRenderer.invoke(IPC_API_CHANNEL, method, input)) as ApiResult<unknown>;
    } catch {
      // invoke rejects when the input cannot be cloned or the main process is gone.
      return { ok: false, error: { code: 'internal', message: `The call ${method} could not reach the core` } };
    }
  };
}

const bridge = Object.freeze(Object.fromEntries(API_METHOD_NAMES.map((method) => [method, call(method)]))) as unknown as OutpostBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
