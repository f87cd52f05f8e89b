import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_MAX_PAYLOAD_BYTES, type ApiResult } from '../shared/contract';
import { createApiHandler, isTrustedSender, payloadBytes, type InvokeEventLike, type MainContentsLike } from './ipc-api';

describe('isTrustedSender', () => {
  it.each(['app://outpost/', 'app://outpost/index.html', 'app://outpost/index.html#/deployments/1', 'app://outpost/x?y=1'])(
    'trusts our own origin: %s',
    (url) => expect(isTrustedSender(url)).toBe(true),
  );

  it.each([
    'app://outpost',
    'app://outpost.evil/',
    'app://outpostx/',
    'app://evil/outpost/',
    'app://user@outpost/',
    'app://outpost:1234/',
    'APP://OUTPOST/',
    'file:///app/dist/renderer/index.html',
    'http://outpost/',
    'https://outpost/',
    'http://127.0.0.1:5173/',
    'devtools://devtools/bundled/index.html',
    'about:blank',
    '',
    null,
    undefined,
    42,
  ])('refuses anything else: %s', (url) => expect(isTrustedSender(url)).toBe(false));
});

describe('payloadBytes', () => {
  it('measures UTF-8 JSON', () => {
    expect(payloadBytes(undefined)).toBe(0);
    expect(payloadBytes({})).toBe(2);
    expect(payloadBytes('é')).toBe(4); // quotes + 2 bytes
  });
  it('returns null for what JSON cannot carry', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(payloadBytes(cyclic)).toBeNull();
    expect(payloadBytes(10n)).toBeNull();
  });
});

describe('createApiHandler', () => {
  const logLevel = process.env.OUTPOST_LOG_LEVEL;
  beforeAll(() => {
    process.env.OUTPOST_LOG_LEVEL = 'error'; // refusals are logged as warnings; expected here
  });
  afterAll(() => {
    if (logLevel === undefined) delete process.env.OUTPOST_LOG_LEVEL;
    else process.env.OUTPOST_LOG_LEVEL = logLevel;
  });
  const main: MainContentsLike = { id: 1, isDestroyed: () => false, mainFrame: { processId: 7, routingId: 3 } };
  const topFrame = { url: 'app://outpost/index.html', parent: null, processId: 7, routingId: 3 };
  const event = (over: Partial<InvokeEventLike> = {}): InvokeEventLike => ({ sender: { id: 1 }, senderFrame: topFrame, ...over });
  const ok: ApiResult<unknown> = { ok: true, value: 'pong' };

  function setup(mainContents: MainContentsLike | null = main) {
    const dispatch = vi.fn(async (): Promise<ApiResult<unknown>> => ok);
    return { dispatch, handler: createApiHandler({ call: dispatch, mainContents: () => mainContents }) };
  }

  it('passes trusted calls to the core unchanged', async () => {
    const { dispatch, handler } = setup();
    expect(await handler(event(), 'app.info', {})).toEqual(ok);
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
  });

  it.each<[string, InvokeEventLike, MainContentsLike | null]>([
    ['another window', event({ sender: { id: 2 } }), main],
    ['a sub-frame', event({ senderFrame: { ...topFrame, parent: {}, routingId: 9 } }), main],
    ['a frame of another process', event({ senderFrame: { ...topFrame, processId: 8 } }), main],
    ['a destroyed frame', event({ senderFrame: null }), main],
    ['a file:// page', event({ senderFrame: { ...topFrame, url: 'file:///tmp/evil.html' } }), main],
    ['an https page', event({ senderFrame: { ...topFrame, url: 'https://example.com/' } }), main],
    ['no main window', event(), null],
    ['a destroyed main window', event(), { ...main, isDestroyed: () => true }],
  ])('refuses %s with a typed forbidden result', async (_name, ev, mainContents) => {
    const { dispatch, handler } = setup(mainContents);
    const result = await handler(ev, 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses oversized payloads before they reach the core', async () => {
    const { dispatch, handler } = setup();
    const big = { note: 'x'.repeat(API_MAX_PAYLOAD_BYTES) };
    expect(await handler(event(), 'app.info', big)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    expect(dispatch).not.toHaveBeenCalled();
    const fits = { note: 'x'.repeat(API_MAX_PAYLOAD_BYTES - 20) };
    expect(await handler(event(), 'app.info', fits)).toEqual(ok);
  });

  it('refuses input JSON cannot carry', async () => {
    const { handler } = setup();
    expect(await handler(event(), 'app.info', 5n)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('turns a throwing core into an internal error', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const handler = createApiHandler({
      call: () => {
        throw new Error('boom');
      },
      mainContents: () => main,
    });
    expect(await handler(event(), 'app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('core dispatch threw'));
    stderr.mockRestore();
  });
});
