import { afterEach, describe, expect, it } from 'vitest';
import { SITE_WINDOW_MESSAGE } from '../../shared/domain/time-span';
import type { TestCore } from '../support/temp-core';
import { openAuthoringCore } from './authoring-fixture';

let core: TestCore | undefined;
afterEach(() => core?.close());

describe('a site window ends after it starts (the shared rule, in the core)', () => {
  it('refuses "Add site" with Jan 10 14:20 → Jan 9 05:00, with one issue on the end, and stores nothing', () => {
    const opened = openAuthoringCore();
    core = opened.core;
    const result = core.dispatch('sites.create', {
      deploymentId: opened.deploymentId,
      code: 'AMS-009',
      name: 'Amsterdam 9',
      timeZone: 'Europe/Amsterdam',
      windowStart: '2027-01-10T14:20:00+01:00',
      windowEnd: '2027-01-09T05:00:00+01:00',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'windowEnd', message: SITE_WINDOW_MESSAGE }] },
    });
    expect(core.call('sites.list', { deploymentId: opened.deploymentId })).toHaveLength(0);
    expect(
      core.call('sites.create', {
        deploymentId: opened.deploymentId,
        code: 'AMS-009',
        name: 'Amsterdam 9',
        windowStart: '2027-01-09T05:00:00+01:00',
        windowEnd: '2027-01-10T14:20:00+01:00',
      }),
    ).toMatchObject({ code: 'AMS-009' });
  });

  it('refuses an edit whose end falls before the stored start, and a wave with the same fault', () => {
    const opened = openAuthoringCore();
    core = opened.core;
    const site = core.call('sites.create', {
      deploymentId: opened.deploymentId,
      code: 'AMS-010',
      name: 'A',
      windowStart: '2027-01-10T14:20:00Z',
    });
    expect(core.dispatch('sites.update', { siteId: site.id, windowEnd: '2027-01-09T05:00:00Z' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'windowEnd', message: SITE_WINDOW_MESSAGE }] },
    });
    expect(
      core.dispatch('waves.create', {
        deploymentId: opened.deploymentId,
        name: 'W',
        startsAt: '2027-01-10T14:20:00Z',
        endsAt: '2027-01-09T05:00:00Z',
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
