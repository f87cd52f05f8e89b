import { afterEach, describe, expect, it } from 'vitest';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';

let core: TestCore | undefined;
afterEach(() => core?.close());

describe('sample deployment', () => {
  it('shows one site with a training session: two attendees signed, one absent, the signatures stored as PNG attachments', () => {
    const sample = openSampleCore();
    core = sample.core;
    const withTraining = sample.sites.filter((s) => sample.core.call('training.list', { siteId: s.id }).length > 0);
    expect(withTraining.map((s) => s.code)).toEqual(['UTR-002']);
    const [session] = sample.core.call('training.list', { siteId: withTraining[0]!.id });
    expect(session!.topic).toBe('New tills: sales, refunds and the daily close');
    expect(session!.attendees.map((a) => [a.name, a.attendance])).toEqual([
      ['Pieter Bakker', 'signed'],
      ['Femke Jansen', 'signed'],
      ['Daan Visser', 'absent'],
    ]);
    const signatures = session!.attendees.flatMap((a) => (a.signatureSha256 ? [a.signatureSha256] : []));
    expect(new Set(signatures).size).toBe(2);
    for (const sha256 of signatures) {
      const png = Buffer.from(sample.core.call('attachments.get', { sha256 }).dataBase64, 'base64');
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    }
    // Opening the sample again adds nothing.
    sample.core.call('sample.open', {});
    expect(sample.core.call('training.list', { siteId: withTraining[0]!.id })).toHaveLength(1);
  });
});
