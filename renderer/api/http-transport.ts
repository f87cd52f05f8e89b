import { TOKEN_HEADER } from '../../shared/contract/bridge';
import type { ApiInput, ApiMethod, ApiOutput, ApiResult } from '../../shared/contract';
import { getApiToken } from './token';

function unreachable(reason: string): ApiResult<never> {
  return { ok: false, error: { code: 'internal', message: `The Outpost host is not reachable: ${reason}` } };
}

function looksLikeResult(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const { ok } = body as { ok: unknown };
  if (ok === true) return 'value' in body;
  if (ok === false) return 'error' in body && typeof (body as { error: unknown }).error === 'object';
  return false;
}

/** Browser shell: POST /api/<method> on the same origin; the body of every answer is an ApiResult, 4xx included. */
export async function httpCall<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = getApiToken();
  if (token) headers[TOKEN_HEADER] = token;

  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (err) {
    return unreachable(err instanceof Error ? err.message : String(err));
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: { code: 'internal', message: `The Outpost host answered ${response.status} without a readable result` } };
  }
  if (!looksLikeResult(body)) {
    return { ok: false, error: { code: 'internal', message: `The Outpost host answered ${response.status} with an unexpected body` } };
  }
  return body as ApiResult<ApiOutput<M>>;
}
