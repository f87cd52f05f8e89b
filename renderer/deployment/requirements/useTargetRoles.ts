import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { logger } from '../../logging/logger';

/** Sites whose machines are asked for their roles (suggestions only; large deployments need not be exhaustive). */
const MAX_SITES = 30;

/**
 * The distinct roles of the target machines of a deployment's sites, plus `extra` (e.g. roles
 * already used by requirements), sorted. Fetched only while `enabled` (the import dialog is open).
 */
export function useTargetRoles(siteIds: readonly string[], extra: readonly string[], enabled: boolean): string[] {
  const [machineRoles, setMachineRoles] = useState<string[]>([]);
  const key = siteIds.slice(0, MAX_SITES).join(',');

  useEffect(() => {
    if (!enabled || key === '') return;
    let cancelled = false;
    void Promise.all(key.split(',').map((siteId) => call('machines.list', { siteId }))).then((results) => {
      if (cancelled) return;
      const roles = new Set<string>();
      for (const result of results) {
        if (result.ok) for (const machine of result.value) roles.add(machine.role);
        else logger.warn(`machines.list failed: ${result.error.message}`);
      }
      setMachineRoles([...roles]);
    });
    return () => {
      cancelled = true;
    };
  }, [enabled, key]);

  return [...new Set([...machineRoles, ...extra])].filter((role) => role.trim() !== '').sort((a, b) => a.localeCompare(b));
}
