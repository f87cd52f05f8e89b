import { asc, eq } from 'drizzle-orm';
import type { ApiParsedInput } from '../../shared/contract';
import type { TargetMachine } from '../../shared/domain/machine';
import { targetMachines } from '../db/schema';
import { requireSite } from './site-service';

export function listMachines(ctx: Parameters<typeof requireSite>[0], { siteId }: ApiParsedInput<'machines.list'>): TargetMachine[] {
  requireSite(ctx, siteId);
  return ctx.db.select().from(targetMachines).where(eq(targetMachines.siteId, siteId)).orderBy(asc(targetMachines.hostName)).all();
}
