import type { MachineCheckRow } from '../../../shared/contract/checks-methods';
import type { TargetMachine } from '../../../shared/domain/machine';
import type { ServiceContext } from '../../services/service-context';
import { listMachines } from '../../services/machine-service';
import { getCredential } from '../credentials/credential-store';
import { listHostKeys } from '../host-keys/host-key-store';
import { latestRunsBySite } from './run-store';

/** A site's targets for the Machines tab: credential reference, trusted keys and last run. */
export function machineChecks(ctx: ServiceContext, siteId: string): MachineCheckRow[] {
  const machines: TargetMachine[] = listMachines(ctx, { siteId });
  const latest = new Map(latestRunsBySite(ctx, siteId).targets.map((r) => [r.targetId, r]));
  return machines.map((target) => ({
    target,
    credential: getCredential(ctx, target.id),
    hostKeys: listHostKeys(ctx, target.id),
    lastRun: latest.get(target.id) ?? null,
  }));
}
