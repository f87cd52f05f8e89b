import { CHECKLIST_PHASES } from '../../shared/domain/enums';
import type { ReviewPhoto, SignOffReview } from '../../shared/domain/signoff';
import type { ServiceContext } from '../services/service-context';

interface PhotoRow {
  sha256: string;
  subject: string;
  phase: string | null;
  position: number;
}

/**
 * The photo evidence of a site-complete sheet, by SHA-256: the checklist items' photos in phase
 * and item order, then the issues' photos by issue number and event, then the surplus items' photos
 * by found serial. Left out when the site has
 * none, so a review without photos hashes as it did before photos were signed. Only the synced link
 * rows are read (not whether the file is on this device yet), so every device reviews the same.
 */
export function reviewPhotos(ctx: ServiceContext, siteId: string): Pick<SignOffReview, 'photos'> {
  const checklist = ctx.sqlite
    .prepare(
      `SELECT e.ref_id AS sha256, 'Checklist: ' || i.title AS subject, i.phase, i.position
       FROM checklist_item_evidence e
       JOIN checklist_items i ON i.id = e.item_id
       WHERE e.kind = 'photo' AND i.site_id = ?
       ORDER BY e.linked_at, e.id`,
    )
    .all(siteId) as PhotoRow[];
  const phaseOrder = (phase: string | null) => CHECKLIST_PHASES.indexOf(phase as (typeof CHECKLIST_PHASES)[number]);
  checklist.sort((a, b) => phaseOrder(a.phase) - phaseOrder(b.phase) || a.position - b.position);
  const issues = ctx.sqlite
    .prepare(
      `SELECT ia.sha256, 'Issue #' || i.number || ': ' || i.title AS subject, NULL AS phase, i.number AS position
       FROM issue_attachments ia
       JOIN issues i ON i.id = ia.issue_id
       JOIN issue_events ev ON ev.id = ia.event_id
       WHERE i.site_id = ?
       ORDER BY i.number, ev.seq, ia.sha256`,
    )
    .all(siteId) as PhotoRow[];
  const surplus = ctx.sqlite
    .prepare(
      `SELECT p.sha256, 'Surplus: ' || TRIM(COALESCE(i.found_serial, '') || ' ' || i.manufacturer || ' ' || i.model) AS subject, NULL AS phase, 0 AS position
       FROM inventory_item_photos p
       JOIN inventory_items i ON i.id = p.item_id
       WHERE i.site_id = ? AND i.is_surplus = 1
       ORDER BY i.found_serial, i.id, p.linked_at, p.id`,
    )
    .all(siteId) as PhotoRow[];
  const photos: ReviewPhoto[] = [...checklist, ...issues, ...surplus].map(({ sha256, subject }) => ({ sha256, subject }));
  return photos.length === 0 ? {} : { photos };
}
