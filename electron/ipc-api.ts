import type { IpcMain } from 'electron';
import { createLogger } from '../core/logging/logger';
import { API_MAX_PAYLOAD_BYTES, apiError, type ApiResult } from '../shared/contract';
import { IPC_API_CHANNEL } from '../shared/contract/bridge';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-protocol';

const log = createLogger('electron.ipc');

/** True only for pages served by our own app:// origin (never file://, http(s)://, or another host). */
export function isTrustedSender(url: unknown): boolean {
  if (typeof url !== 'string' || !url.startsWith(`${APP_ORIGIN}/`)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The parts of Electron's IpcMainInvokeEvent the check reads (structural, so tests need no Electron). */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown; processId: number; routingId: number } | null;
}

/** The parts of the main window's WebContents the check reads. */
export interface MainContentsLike {
  id: number;
  isDestroyed(): boolean;
  mainFrame: { processId: number; routingId: number };
}

export interface ApiHandlerDeps {
  /** The core's asynchronous entry point (`OutpostCore.call`): resolves to a typed result. */
  call(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  /** The main window's web contents, or null while there is no window. */
  mainContents(): MainContentsLike | null;
}

/** Why a sender is refused, or null when it is the main window's top frame showing app://outpost/. */
export function senderProblem(event: InvokeEventLike, main: MainContentsLike | null): string | null {
  if (!main || main.isDestroyed()) return 'no main window';
  if (event.sender.id !== main.id) return 'not the main window';
  const frame = event.senderFrame;
  if (!frame) return 'sender frame is gone';
  if (frame.parent !== null || frame.processId !== main.mainFrame.processId || frame.routingId !== main.mainFrame.routingId) {
    return 'not the top frame';
  }
  if (!isTrustedSender(frame.url)) return 'untrusted origin';
  return null;
}

/** Size of the input as the browser host would receive it (UTF-8 JSON), or null if it is not JSON. */
export function payloadBytes(input: unknown): number | null {
  try {
    const json = JSON.stringify(input);
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return null;
  }
}

/** The IPC handler: sender check, size guard, then the core. Never throws; every outcome is an ApiResult. */
export function createApiHandler(deps: ApiHandlerDeps) {
  return async (event: InvokeEventLike, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    const problem = senderProblem(event, deps.mainContents());
    if (problem) {
      log.warn('refused api call', { reason: problem, url: event.senderFrame?.url ?? null });
      return { ok: false, error: apiError('forbidden', 'This page may not call the Outpost API') };
    }
    const size = payloadBytes(input);
    if (size === null) return { ok: false, error: apiError('validation', 'The input must be plain JSON data') };
    if (size > API_MAX_PAYLOAD_BYTES) {
      return { ok: false, error: apiError('payload_too_large', `The input is larger than ${API_MAX_PAYLOAD_BYTES} bytes`) };
    }
    try {
      return await deps.call(method, input);
    } catch (cause) {
      // The core promises not to throw; if it does anyway, the renderer still gets a typed result.
      log.error('core dispatch threw', { method: typeof method === 'string' ? method : null, error: String(cause) });
      return { ok: false, error: apiError('internal', 'Unexpected error in the core') };
    }
  };
}

/** Register the one API channel. Returns a function that removes it. */
export function registerApiHandler(ipcMain: IpcMain, deps: ApiHandlerDeps): () => void {
  const handler = createApiHandler(deps);
  ipcMain.handle(IPC_API_CHANNEL, (event, method: unknown, input: unknown) => handler(event, method, input));
  return () => ipcMain.removeHandler(IPC_API_CHANNEL);
}
