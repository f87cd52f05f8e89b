// `npm run bench [-- GROUP...]`: runs benchmark groups and merges their figures into one flat
// JSON object in test/bench/results/latest.json. Needs the build (`npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchChecks } from './checks.bench';
import { benchChecksSshFloor } from './checks-ssh-floor.bench';
import { benchDashboard } from './dashboard.bench';
import { benchCameraDecode } from './fieldkit-camera.bench';
import { benchLabelsPdf } from './fieldkit-labels.bench';
import { benchPhotos } from './fieldkit-photo.bench';
import { benchInventoryCore } from './inventory-core.bench';
import { benchInventoryImport } from './inventory-import.bench';
import { benchInventoryFirstRows } from './inventory-ui.bench';
import { benchBulkAssign } from './planning-bulk.bench';
import { benchCalendar } from './planning-calendar.bench';
import { benchPlanningSchedule } from './planning-schedule.bench';
import { benchImportSites } from './planning-sites.bench';
import { benchImportTargets } from './planning-targets.bench';
import { benchSignoff } from './signoff.bench';
import { benchSiteReports } from './site-report.bench';
import { benchStartup } from './startup.bench';
import { benchSync } from './sync.bench';

/** OUTPOST_BENCH_RESULTS names another file, for trial runs that must not replace the recorded figures. */
const RESULTS = process.env.OUTPOST_BENCH_RESULTS ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');

const groups: Record<string, () => Promise<Record<string, number | string>>> = {
  inventory: async () => ({ ...benchInventoryCore(), ...(await benchInventoryFirstRows()) }),
  startup: benchStartup,
  checks: async () => ({ ...(await benchChecks()), ...(await benchChecksSshFloor()) }),
  signoff: benchSignoff,
  import: async () => benchInventoryImport(),
  sync: benchSync,
  siteReports: benchSiteReports,
  dashboard: benchDashboard,
  fieldkit: async () => ({ ...(await benchCameraDecode()), ...(await benchPhotos()), ...(await benchLabelsPdf()) }),
  planning: async () => ({
    ...(await benchImportSites()),
    ...(await benchImportTargets()),
    ...(await benchCalendar()),
    ...(await benchBulkAssign()),
    ...benchPlanningSchedule(),
  }),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = wanted.filter((g) => !(g in groups));
  if (unknown.length > 0) throw new Error(`Unknown benchmark group(s): ${unknown.join(', ')}. Groups: ${Object.keys(groups).join(', ')}`);
  const previous = fs.existsSync(RESULTS) ? (JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  const figures: Record<string, unknown> = { ...previous };
  for (const name of wanted.length > 0 ? wanted : Object.keys(groups)) {
    process.stdout.write(`bench ${name}...\n`);
    Object.assign(figures, await groups[name]!());
  }
  figures['meta.recorded_at'] = new Date().toISOString();
  figures['meta.node'] = process.version;
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
