import type { SignedSheet } from '../../../shared/domain/signoff';
import { LEGACY_GATE_RULE } from '../../../shared/signoff/gates';
import type { PdfWriter } from './pdf-writer';
import { trainingSection } from './training-section';

const dash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '-' : v);
const day = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : '-');

/** Deployment and site header. */
export function headerSection(w: PdfWriter, sheet: SignedSheet): void {
  const { review } = sheet.content;
  const pairs: [string, string][] = [['Deployment', `${review.deployment.name} ${review.deployment.version}`.trim()]];
  if (review.site) {
    pairs.push(
      ['Site', `${review.site.code} - ${review.site.name}`],
      ['Address', dash(review.site.address)],
      ['Site owner', [review.site.ownerName, review.site.ownerEmail].filter(Boolean).join(', ') || '-'],
      ['Site time zone', review.site.timeZone],
    );
  }
  w.fields(pairs);
}

const GAP_KIND_LABELS = { checklist_item: 'Checklist', missing_item: 'Missing item', failed_check: 'Check', open_issue: 'Issue', open_outage: 'Outage' } as const;

/** The open gaps the sheet was signed over, first, with their reasons, and the rule that judged the sheet. */
function gapSection(w: PdfWriter, sheet: SignedSheet): void {
  const { gaps, gateRule } = sheet.content;
  if (!gateRule || !gaps) {
    w.paragraph(`Signed before the sign-off gates (rule ${LEGACY_GATE_RULE}): only blocking issues were judged.`, 9);
    return;
  }
  w.heading(`Open gaps when signed (${gaps.length})`, 11);
  w.paragraph(`Judged by rule ${gateRule}.${gaps.length === 0 ? ' No gap was open: the work this sheet covers was complete.' : ''}`, 9);
  if (gaps.length > 0) {
    w.table(
      [{ title: 'Kind', width: 0.14 }, { title: 'Gap', width: 0.46 }, { title: 'Reason', width: 0.4 }],
      gaps.map((g) => [GAP_KIND_LABELS[g.kind], g.label, dash(g.reason)]),
    );
  }
}

/** The summary tables: open gaps, components, checklist, checks, inventory, sites, rollbacks, training, issues, exceptions. */
export function summarySections(w: PdfWriter, sheet: SignedSheet): void {
  const { review, exceptions } = sheet.content;
  if (review.site) gapSection(w, sheet);
  w.heading('Components', 11);
  w.table(
    [{ title: 'Name', width: 0.46 }, { title: 'Kind', width: 0.16 }, { title: 'Scope', width: 0.14 }, { title: 'Target version', width: 0.24 }],
    review.components.map((c) => [c.name, c.kind, c.scope, dash(c.targetVersion)]),
  );
  if (review.site) {
    w.heading('Checklist', 11);
    w.table(
      [{ title: 'Phase', width: 0.2 }, { title: 'Done', width: 0.16 }, { title: 'Failed', width: 0.14 }, { title: 'Open required', width: 0.18 }, { title: 'Completed', width: 0.32 }],
      review.checklist.map((p) => [p.phase, `${p.done} / ${p.total}`, String(p.failed), String(p.openRequired), day(p.completedAt)]),
    );
    w.heading('Checks (latest result per target)', 11);
    w.table(
      [{ title: 'Target', width: 0.28 }, { title: 'Role', width: 0.18 }, { title: 'Result', width: 0.32 }, { title: 'Finished', width: 0.22 }],
      review.checks.map((c) => [c.target, dash(c.role), c.result, day(c.finishedAt)]),
    );
  }
  if (review.inventory) {
    const inv = review.inventory;
    w.heading('Inventory reconciliation', 11);
    w.fields([['Expected / received', `${inv.expected} / ${inv.received}`], ['Missing / surplus / damaged', `${inv.missing} / ${inv.surplus} / ${inv.damaged}`]]);
    w.y -= 4;
    w.table(
      [{ title: 'Asset tag', width: 0.2 }, { title: 'Model', width: 0.34 }, { title: 'Serial', width: 0.26 }, { title: 'State', width: 0.2 }],
      inv.exceptions.map((e) => [dash(e.assetTag), e.model, dash(e.serial), e.surplus ? 'surplus' : e.state]),
    );
  }
  if (review.sites) {
    w.heading('Sites', 11);
    w.table(
      [{ title: 'Site', width: 0.34 }, { title: 'Status', width: 0.16 }, { title: 'Site sheet', width: 0.26 }, { title: 'Decision', width: 0.24 }],
      review.sites.map((s) => [`${s.code} ${s.name}`, s.status, s.sheetHash ? s.sheetHash.slice(0, 16) : 'not signed', dash(s.sheetDecision)]),
    );
  }
  if (review.rollbacks.length > 0) {
    w.heading('Rollbacks', 11);
    w.table([{ title: 'When', width: 0.24 }, { title: 'Reason', width: 0.76 }], review.rollbacks.map((r) => [day(r.at), r.reason]));
  }
  trainingSection(w, sheet);
  w.heading('Issues', 11);
  w.table(
    [{ title: '#', width: 0.12 }, { title: 'Title', width: 0.36 }, { title: 'Severity', width: 0.12 }, { title: 'Category', width: 0.14 }, { title: 'Status', width: 0.18 }, { title: 'Blocks', width: 0.08 }],
    review.issues.map((i) => [`${i.siteCode} #${i.number}`, i.title, i.severity, i.category, i.status.replace(/_/g, ' '), i.blocksSignOff ? 'yes' : 'no']),
  );
  w.heading('Exceptions accepted with this sheet', 11);
  w.table([{ title: 'Issue', width: 0.14 }, { title: 'Title', width: 0.34 }, { title: 'Reason', width: 0.52 }], exceptions.map((e) => [`${e.siteCode} #${e.number}`, e.title, e.reason]));
}
