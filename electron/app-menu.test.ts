import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildAppMenuTemplate, type AppMenuOptions } from './app-menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(over: Partial<AppMenuOptions> = {}) {
  const options: AppMenuOptions = {
    appName: 'Outpost',
    isDev: false,
    platform: 'linux',
    onToggleDarkMode: vi.fn(),
    onAbout: vi.fn(),
    onShowLogs: vi.fn(),
    ...over,
  };
  return { options, template: buildAppMenuTemplate(options) };
}

describe('buildAppMenuTemplate', () => {
  it('has File, Edit, View, Window and Help', () => {
    expect(build().template.map((m) => m.id)).toEqual(['file', 'edit', 'view', 'window', 'help']);
  });

  it('offers Quit in File and the standard edit roles', () => {
    const items = flatten(build().template);
    expect(items.some((i) => i.role === 'quit')).toBe(true);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) {
      expect(items.some((i) => i.role === role)).toBe(true);
    }
  });

  it('offers Reload and developer tools only in development', () => {
    const prod = flatten(build({ isDev: false }).template);
    expect(prod.some((i) => i.role === 'reload' || i.role === 'forceReload' || i.role === 'toggleDevTools')).toBe(false);
    const dev = flatten(build({ isDev: true }).template);
    expect(dev.some((i) => i.role === 'reload')).toBe(true);
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('wires dark mode, zoom and About', () => {
    const { options, template } = build();
    const items = flatten(template);
    for (const role of ['resetZoom', 'zoomIn', 'zoomOut']) expect(items.some((i) => i.role === role)).toBe(true);
    const click = (id: string) => (items.find((i) => i.id === id)?.click as (() => void) | undefined)?.();
    click('toggle-dark-mode');
    click('about');
    expect(options.onToggleDarkMode).toHaveBeenCalledOnce();
    expect(options.onAbout).toHaveBeenCalledOnce();
  });

  it('offers Show Logs in Help, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { options, template } = build({ platform });
      const help = template.find((m) => m.id === 'help')!;
      const item = flatten([help]).find((i) => i.id === 'show-logs');
      expect(item?.label).toBe('Show Logs');
      (item?.click as () => void)();
      expect(options.onShowLogs).toHaveBeenCalledOnce();
    }
  });

  it('adds the app menu on macOS', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]?.label).toBe('Outpost');
    expect(flatten(template).some((i) => i.role === 'quit')).toBe(true);
  });
});
