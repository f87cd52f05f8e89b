import type { ServiceContext } from '../services/service-context';
import { addTrainingAttendee, createTrainingSession } from '../training/training-service';
import { sampleSignaturePng } from './sample-signature';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The sample's training session (issue #16): store staff shown the new tills before the pilot, two signed, one absent. */
export function addSampleTraining(ctx: ServiceContext, dataDir: string, site: { id: string; ownerName: string }, trainer: string): void {
  const today = Date.parse(ctx.clock.now().slice(0, 10));
  const session = createTrainingSession(ctx, {
    siteId: site.id,
    topic: 'New tills: sales, refunds and the daily close',
    trainer,
    startsAt: new Date(today - 2 * DAY_MS + 9 * 60 * 60 * 1000).toISOString(),
    durationMinutes: 90,
  });
  const attendees = [
    { name: site.ownerName, role: 'Store manager (site owner)', signed: true },
    { name: 'Femke Jansen', role: 'Head cashier', signed: true },
    { name: 'Daan Visser', role: 'Cashier', signed: false },
  ];
  attendees.forEach((a, i) => {
    addTrainingAttendee(ctx, dataDir, {
      sessionId: session.id,
      name: a.name,
      role: a.role,
      signaturePngBase64: a.signed ? sampleSignaturePng(i + 1) : null,
    });
  });
}
