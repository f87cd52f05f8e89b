import { eq } from 'drizzle-orm';
import { deployments } from '../db/schema';
import { addChecklistTemplate, addComponent, addInventoryItems, addRequirement, addTargetMachine, addWave } from '../plan/plan-writer';
import { createDeployment } from '../services/deployment-service';
import type { ServiceContext } from '../services/service-context';
import { createSite } from '../services/site-service';
import { siteInventory } from './sample-hardware';
import {
  SAMPLE_CHECKLIST,
  SAMPLE_COMPONENTS,
  SAMPLE_DEPLOYMENT,
  SAMPLE_MACHINES,
  SAMPLE_REQUIREMENTS,
  SAMPLE_SITES,
  SAMPLE_TECHNICIANS,
  SAMPLE_WAVES,
} from './sample-plan';
import { addSampleIncident } from './sample-incident';
import { addSampleTraining } from './sample-training';
import { seededRandom } from './seeded-random';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates the sample rollout once (deterministic serials); later calls return the same deployment.
 * `dataDir` holds the attachments (the sample training's signatures).
 */
export function openSampleDeployment(ctx: ServiceContext, dataDir: string): { deploymentId: string } {
  const existing = ctx.db.select({ id: deployments.id }).from(deployments).where(eq(deployments.name, SAMPLE_DEPLOYMENT.name)).get();
  if (existing) return { deploymentId: existing.id };

  const rng = seededRandom(2026_04);
  const deployment = createDeployment(ctx, SAMPLE_DEPLOYMENT);
  const deploymentId = deployment.id;
  const today = Date.parse(ctx.clock.now().slice(0, 10));
  const waveIds = SAMPLE_WAVES.map((w) =>
    addWave(ctx, {
      deploymentId,
      name: w.name,
      sequence: w.sequence,
      isPilot: w.isPilot,
      startsAt: new Date(today + w.startInDays * DAY_MS).toISOString(),
      endsAt: new Date(today + (w.startInDays + 14) * DAY_MS).toISOString(),
    }),
  );
  for (const c of SAMPLE_COMPONENTS) addComponent(ctx, { deploymentId, ...c });
  for (const r of SAMPLE_REQUIREMENTS) addRequirement(ctx, { deploymentId, ...r });
  addChecklistTemplate(ctx, deploymentId, 'Store rollout checklist', SAMPLE_CHECKLIST);

  SAMPLE_SITES.forEach((s, index) => {
    const wave = SAMPLE_WAVES[s.wave]!;
    // Night windows: 20:00 UTC for eight hours, one store per two days within its wave.
    const windowStart = today + (wave.startInDays + 2 * (index % 4)) * DAY_MS + 20 * 60 * 60 * 1000;
    const site = createSite(ctx, {
      deploymentId,
      waveId: waveIds[s.wave]!,
      code: s.code,
      name: s.name,
      address: s.address,
      timeZone: s.timeZone,
      ownerName: s.owner[0],
      ownerEmail: s.owner[1],
      ownerPhone: s.owner[2],
      windowStart: new Date(windowStart).toISOString(),
      windowEnd: new Date(windowStart + 8 * 60 * 60 * 1000).toISOString(),
      technicians: [{ id: null, name: SAMPLE_TECHNICIANS[index % SAMPLE_TECHNICIANS.length]! }],
      notes: '',
      language: 'language' in s ? s.language : null,
    });
    const drafts = siteInventory(rng, s.code);
    const itemIds = addInventoryItems(ctx, site.id, drafts);
    const serverIds = itemIds.filter((_, i) => drafts[i]!.model.startsWith('PowerEdge'));
    for (const m of SAMPLE_MACHINES) {
      addTargetMachine(ctx, {
        siteId: site.id,
        hostName: `${m.hostName}.${s.code.toLowerCase()}.stores.example`,
        address: `192.0.2.${m.octet + index}`,
        username: m.username,
        role: m.role,
        inventoryItemId: m.serverIndex === null ? null : (serverIds[m.serverIndex] ?? null),
      });
    }
    // One site shows a training session with its attendance list (the pilot's second store).
    if (index === 1) addSampleTraining(ctx, dataDir, site, SAMPLE_TECHNICIANS[index % SAMPLE_TECHNICIANS.length]!);
    // One incident with downtime (the last store): an ended outage of the POS software.
    if (index === SAMPLE_SITES.length - 1) addSampleIncident(ctx, deploymentId, site.id);
  });
  return { deploymentId };
}
