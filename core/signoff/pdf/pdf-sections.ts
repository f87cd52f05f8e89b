import type { SignedSheet } from '../../../shared/domain/signoff';
import { columnKey, decisionText, kindText, phaseText, scopeText, stateText } from '../../../shared/i18n/review-terms';
import { LEGACY_GATE_RULE } from '../../../shared/signoff/gates';
import type { PdfWriter } from './pdf-writer';
import { sheetText } from './sheet-text';
import { trainingSection } from './training-section';

const dash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '-' : v);
const day = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : '-');

/** Deployment and site header. */
export function headerSection(w: PdfWriter, sheet: SignedSheet): void {
  const { review } = sheet.content;
  const t = sheetText(sheet);
  const pairs: [string, string][] = [[t('pdf.deployment'), `${review.deployment.name} ${review.deployment.version}`.trim()]];
  if (review.site) {
    pairs.push(
      [t('pdf.site'), `${review.site.code} - ${review.site.name}`],
      [t('pdf.address'), dash(review.site.address)],
      [t('pdf.siteOwner'), [review.site.ownerName, review.site.ownerEmail].filter(Boolean).join(', ') || '-'],
      [t('pdf.siteTimeZone'), review.site.timeZone],
    );
  }
  w.fields(pairs);
}

/** The open gaps the sheet was signed over, first, with their reasons, and the rule that judged the sheet. */
function gapSection(w: PdfWriter, sheet: SignedSheet): void {
  const { gaps, gateRule } = sheet.content;
  const t = sheetText(sheet);
  if (!gateRule || !gaps) {
    w.paragraph(t('pdf.beforeGates', { rule: LEGACY_GATE_RULE }), 9);
    return;
  }
  w.heading(t('pdf.gapsWhenSigned', { n: gaps.length }), 11);
  w.paragraph(`${t('pdf.judgedBy', { rule: gateRule })}${gaps.length === 0 ? ` ${t('pdf.noGapOpen')}` : ''}`, 9);
  if (gaps.length > 0) {
    w.table(
      [
        { title: t('review.column.kind'), width: 0.14 },
        { title: t('review.column.gap'), width: 0.46 },
        { title: t('review.column.reason'), width: 0.4 },
      ],
      gaps.map((g) => [t(`review.gapKind.${g.kind}`), g.label, dash(g.reason)]),
    );
  }
}

/** The summary tables: open gaps, components, checklist, checks, inventory, sites, rollbacks, training, issues, exceptions. */
export function summarySections(w: PdfWriter, sheet: SignedSheet): void {
  const { review, exceptions } = sheet.content;
  const t = sheetText(sheet);
  const col = (key: Parameters<typeof columnKey>[0], width: number) => ({ title: t(columnKey(key)), width });
  if (review.site) gapSection(w, sheet);
  w.heading(t('review.components'), 11);
  w.table(
    [col('name', 0.46), col('kind', 0.16), col('scope', 0.14), col('targetVersion', 0.24)],
    review.components.map((c) => [c.name, kindText(t, c.kind), scopeText(t, c.scope), dash(c.targetVersion)]),
  );
  if (review.site) {
    w.heading(t('review.checklist'), 11);
    w.table(
      [col('phase', 0.2), col('done', 0.16), col('failed', 0.14), col('openRequired', 0.18), col('completed', 0.32)],
      review.checklist.map((p) => [
        phaseText(t, p.phase),
        `${p.done} / ${p.total}`,
        String(p.failed),
        String(p.openRequired),
        day(p.completedAt),
      ]),
    );
    w.heading(t('pdf.checksLatest'), 11);
    w.table(
      [col('target', 0.28), col('role', 0.18), col('result', 0.32), col('finished', 0.22)],
      review.checks.map((c) => [
        c.target,
        dash(c.role),
        c.outcome === 'not checked' ? t('review.notChecked') : c.result,
        day(c.finishedAt),
      ]),
    );
  }
  if (review.inventory) {
    const inv = review.inventory;
    w.heading(t('review.inventory'), 11);
    w.fields([
      [t('review.expectedReceived'), `${inv.expected} / ${inv.received}`],
      [t('review.missingSurplusDamaged'), `${inv.missing} / ${inv.surplus} / ${inv.damaged}`],
    ]);
    w.y -= 4;
    w.table(
      [col('assetTag', 0.2), col('model', 0.34), col('serial', 0.26), col('state', 0.2)],
      inv.exceptions.map((e) => [dash(e.assetTag), e.model, dash(e.serial), e.surplus ? t('review.surplus') : stateText(t, e.state)]),
    );
  }
  if (review.sites) {
    w.heading(t('review.sites'), 11);
    w.table(
      [col('site', 0.34), col('status', 0.16), col('siteSheet', 0.26), col('decision', 0.24)],
      review.sites.map((s) => [
        `${s.code} ${s.name}`,
        s.status,
        s.sheetHash ? s.sheetHash.slice(0, 16) : t('review.notSigned'),
        s.sheetDecision ? decisionText(t, s.sheetDecision) : '-',
      ]),
    );
  }
  if (review.rollbacks.length > 0) {
    w.heading(t('review.rollbacks'), 11);
    w.table(
      [col('when', 0.24), col('reason', 0.76)],
      review.rollbacks.map((r) => [day(r.at), r.reason]),
    );
  }
  trainingSection(w, sheet);
  w.heading(t('review.issues'), 11);
  w.table(
    [
      { title: '#', width: 0.12 },
      col('title', 0.32),
      col('severity', 0.12),
      col('category', 0.14),
      col('status', 0.18),
      col('blocks', 0.12),
    ],
    review.issues.map((i) => [
      `${i.siteCode} #${i.number}`,
      i.title,
      t(`review.severity.${i.severity}`),
      t(`review.category.${i.category}`),
      t(`review.issueStatus.${i.status}`),
      i.blocksSignOff ? t('review.yes') : t('review.no'),
    ]),
  );
  w.heading(t('review.exceptions'), 11);
  w.table(
    [col('issue', 0.14), col('title', 0.34), col('reason', 0.52)],
    exceptions.map((e) => [`${e.siteCode} #${e.number}`, e.title, e.reason]),
  );
}
