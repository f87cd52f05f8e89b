import type { SignOffReview } from '../../shared/domain/signoff';
import type { ServiceContext } from '../services/service-context';
import { listTraining } from './training-service';

/**
 * The training part of a site-complete sheet: every session with its attendance and materials.
 * Left out when the site has no session, so a review without training hashes as before.
 */
export function reviewTraining(ctx: ServiceContext, siteId: string): Pick<SignOffReview, 'training'> {
  const sessions = listTraining(ctx, { siteId });
  if (sessions.length === 0) return {};
  return {
    training: sessions.map((s) => ({
      topic: s.topic,
      trainer: s.trainer,
      startsAt: s.startsAt,
      durationMinutes: s.durationMinutes,
      attendees: s.attendees.map((a) => ({
        position: a.position,
        name: a.name,
        role: a.role,
        attendance: a.attendance,
        signatureSha256: a.signatureSha256,
      })),
      materials: s.materials.map((m) => ({ name: m.name, sha256: m.sha256 })),
    })),
  };
}
