/**
 * Whether a site is prepared for offline work on this device (the technician's My schedule): its
 * plan is here with the checklist instantiated, and every target machine has a trusted host key
 * and sign-in credentials configured, so checks can run without asking anyone. One rule, here;
 * the core gathers the facts, the renderer shows what is missing.
 */
export interface MachineReadinessFacts {
  hostName: string;
  hostKeyTrusted: boolean;
  credentialsConfigured: boolean;
}

export interface OfflineReadinessFacts {
  /** The site's deployment (its plan) is stored on this device. */
  planOnDevice: boolean;
  checklistItems: number;
  machines: readonly MachineReadinessFacts[];
}

export type ReadinessGapKind = 'no_plan' | 'no_checklist' | 'host_key_missing' | 'credentials_missing';

export interface ReadinessGap {
  kind: ReadinessGapKind;
  message: string;
}

export interface OfflineReadiness {
  prepared: boolean;
  missing: ReadinessGap[];
}

function hostList(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

export function offlineReadiness(facts: OfflineReadinessFacts): OfflineReadiness {
  const missing: ReadinessGap[] = [];
  if (!facts.planOnDevice) missing.push({ kind: 'no_plan', message: 'The deployment plan is not on this device' });
  if (facts.checklistItems === 0) missing.push({ kind: 'no_checklist', message: 'The checklist is not instantiated' });
  const noKey = facts.machines.filter((m) => !m.hostKeyTrusted).map((m) => m.hostName);
  if (noKey.length > 0) missing.push({ kind: 'host_key_missing', message: `No trusted host key for ${hostList(noKey)}` });
  const noCredentials = facts.machines.filter((m) => !m.credentialsConfigured).map((m) => m.hostName);
  if (noCredentials.length > 0)
    missing.push({ kind: 'credentials_missing', message: `No sign-in credentials for ${hostList(noCredentials)}` });
  return { prepared: missing.length === 0, missing };
}
