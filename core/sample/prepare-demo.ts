import type { OutpostCore } from '../outpost-core';

export const DEMO_PROFILE = { name: 'Demo technician', role: 'technician' } as const;

/** `--demo`: a profile if none exists yet, then the sample deployment. Returns the sample's id. */
export function prepareDemo(core: OutpostCore): string {
  const profile = core.dispatch('profile.get', {});
  if (profile.ok && profile.value === null) core.dispatch('profile.set', DEMO_PROFILE);
  const sample = core.dispatch('sample.open', {});
  if (!sample.ok) throw new Error(`Could not open the sample deployment: ${sample.error.message}`);
  return (sample.value as { deploymentId: string }).deploymentId;
}
