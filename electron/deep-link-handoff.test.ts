import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDeepLinkHandoff, registerProtocolClient } from './deep-link-handoff';

describe('deep link hand-off', () => {
  it('keeps a link that arrives before the window (cold start, macOS open-url before ready) for the first window, once', () => {
    const deliver = vi.fn(() => false);
    const handoff = createDeepLinkHandoff(deliver);
    expect(handoff.receiveArgv(['/opt/Outpost/outpost', 'outpost://SITE/AMS-001/'], 'argv')).toBe(true);
    expect(handoff.takePending()).toBe('#/open/outpost%3A%2F%2Fsite%2FAMS-001');
    expect(handoff.takePending()).toBeNull();
  });

  it('delivers to an open window in canonical form and refuses what the shared rule refuses', () => {
    const deliver = vi.fn(() => true);
    const handoff = createDeepLinkHandoff(deliver);
    expect(handoff.receive('outpost://site/Z%C3%BCrich', 'open-url')).toBe(true);
    expect(deliver).toHaveBeenCalledWith('#/open/outpost%3A%2F%2Fsite%2FZ%25C3%25BCrich');
    expect(handoff.receive('outpost://site/%2e%2e', 'open-url')).toBe(false);
    expect(handoff.receiveArgv(['outpost.exe', '--flag'], 'second-instance')).toBe(false);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(handoff.takePending()).toBeNull();
  });
});

describe('registerProtocolClient', () => {
  it('registers the packaged app plainly, and `electron .` with its app path (Electron deep-link guide)', () => {
    const app = { setAsDefaultProtocolClient: vi.fn(() => true) };
    registerProtocolClient(app, { execPath: '/opt/Outpost/outpost', argv: ['/opt/Outpost/outpost'] });
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('outpost');
    registerProtocolClient(app, {
      defaultApp: true,
      execPath: '/repo/node_modules/electron/dist/electron',
      argv: ['/repo/node_modules/electron/dist/electron', 'dist/electron/main.cjs'],
    });
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('outpost', '/repo/node_modules/electron/dist/electron', [
      path.resolve('dist/electron/main.cjs'),
    ]);
  });
});
