import { Alert, Loader, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SignOffKind } from '../../../shared/domain/signoff';
import { blockingGuidance } from '../../../shared/signoff/decision-rules';
import { checkGatedDecision } from '../../../shared/signoff/gates';
import type { SiteLanguage } from '../../../shared/i18n/languages';
import { ownerText } from '../../../shared/i18n/translator';
import { runtimeTimeZone } from '../../../shared/time/time-zone';
import { runCommand } from '../../api/command';
import type { Topic } from '../../api/refresh';
import { useApiQuery } from '../../api/useApiQuery';
import { useText } from '../../i18n/i18n';
import { QueryError } from '../../shell/QueryError';
import { draftKey, isString, readDraft, writeDraft } from '../../state/drafts';
import { ROLE_LABELS, useProfile } from '../../state/profile';
import { GapList, type GapDraft } from './GapList';
import { IssueExceptions, type ExceptionDraft } from './IssueExceptions';
import { ReviewSummary } from './ReviewSummary';
import { SheetList } from './SheetList';
import { SignForm, type SignDraft } from './SignForm';

export interface SignOffSubject {
  kind: SignOffKind;
  siteId: string | null;
  deploymentId: string | null;
}

const COVERED: Topic[] = ['sites', 'checklist', 'inventory', 'machines', 'issues', 'deployments', 'training'];

/** The signer's zone is the device's own. */
const signerTimeZone = runtimeTimeZone;

/** Review, exceptions, signing and past sheets for one subject (a site's sheet or the deployment milestone). */
export function SignOffPanel({ subject }: { subject: SignOffSubject }) {
  const t = useText();
  // The language shown and signed in: null until someone switches it = the site owner's (the core decides).
  const [language, setLanguage] = useState<SiteLanguage | null>(null);
  useEffect(() => setLanguage(null), [subject.kind, subject.siteId, subject.deploymentId]);
  const review = useApiQuery('signoff.review', { ...subject, language }, COVERED);
  const sheets = useApiQuery(
    'signoff.list',
    { siteId: subject.siteId, deploymentId: subject.siteId ? null : subject.deploymentId },
    COVERED,
  );
  const profile = useProfile((s) => s.profile);
  const [exceptions, setExceptions] = useState<ExceptionDraft>({});
  const [gapDraft, setGapDraft] = useState<GapDraft>({});
  // Remarks are kept on this device per site (or deployment) and sheet kind until signed or cleared.
  const remarkKey = draftKey('remark', subject.siteId ?? subject.deploymentId ?? 'none', subject.kind);
  const [draft, setDraft] = useState<SignDraft>(() => ({
    decision: 'accepted',
    reason: readDraft(remarkKey, isString) ?? '',
    signerName: '',
    signerRole: '',
    signerEmail: '',
    confirmed: false,
    signature: null,
  }));
  useEffect(() => writeDraft(remarkKey, draft.reason.trim() === '' ? null : draft.reason), [remarkKey, draft.reason]);
  const [signing, setSigning] = useState(false);

  // While the review is asked again in another language, the form keeps showing the last one (and signs that).
  const subjectKey = `${subject.kind}:${subject.siteId}:${subject.deploymentId}`;
  const lastData = useRef({ key: subjectKey, value: review.data });
  if (review.data) lastData.current = { key: subjectKey, value: review.data };
  const data = review.data ?? (review.loading && lastData.current.key === subjectKey ? lastData.current.value : undefined);
  const siteOwner = data?.review.site?.ownerName ?? '';
  useEffect(() => {
    // Suggest the usual signer once per subject; the person signing can change it.
    const isSite = subject.kind === 'site_complete';
    setDraft((d) => ({
      ...d,
      signerName: isSite ? siteOwner : (profile?.name ?? ''),
      signerRole: isSite
        ? ownerText(data?.language ?? 'en')('signoff.form.siteOwnerRole')
        : subject.kind === 'deployment_milestone'
          ? t('site.signoff.signOffPanel.releaseManager')
          : profile
            ? ROLE_LABELS[profile.role]
            : '',
      signerEmail: isSite ? (data?.review.site?.ownerEmail ?? '') : '',
    }));
  }, [subject.kind, subject.siteId, subject.deploymentId, siteOwner]);

  const proposed = useMemo(
    () =>
      Object.entries(exceptions)
        .filter(([, e]) => e.accept)
        .map(([issueId, e]) => ({ issueId, reason: e.reason.trim() })),
    [exceptions],
  );
  // Gap reasons count only for "accepted with exceptions", and only for gaps still open.
  const gapReasons = useMemo(
    () =>
      draft.decision !== 'accepted_with_exceptions' || !data
        ? []
        : data.gaps
            .filter((g) => g.kind !== 'open_issue' && (gapDraft[g.id] ?? '').trim() !== '')
            .map((g) => ({ gapId: g.id, reason: gapDraft[g.id]!.trim() })),
    [draft.decision, data, gapDraft],
  );
  const verdict = data
    ? checkGatedDecision(
        { decision: draft.decision, reason: draft.reason, exceptions: draft.decision === 'rejected' ? [] : proposed, gapReasons },
        data.gaps,
        data.review.issues,
      )
    : { allowed: false as const, reason: t('site.signoff.signOffPanel.loading') };
  // Blocking issues are explained once, in the banner; the form repeats no refusal the banner already gives.
  const guidance = data ? blockingGuidance(draft.decision, proposed, data.review.issues) : null;
  // Gaps are listed once, under "Open gaps"; the form says only what to do about them.
  const gapCount = data?.gaps.length ?? 0;
  const withoutReason = data ? data.gaps.filter((g) => g.kind !== 'open_issue' && !gapReasons.some((r) => r.gapId === g.id)).length : 0;
  const formVerdict =
    verdict.allowed || verdict.reason === guidance
      ? verdict.allowed
        ? verdict
        : { allowed: false as const, reason: '' }
      : draft.decision === 'accepted' && gapCount > 0
        ? { allowed: false as const, reason: t('site.signoff.signOffPanel.notComplete', { count: gapCount }) }
        : draft.decision === 'accepted_with_exceptions' && withoutReason > 0
          ? { allowed: false as const, reason: t('site.signoff.signOffPanel.reasonsMissing', { count: withoutReason, gaps: gapCount }) }
          : verdict;

  if (review.error && !data)
    return <QueryError title={t('site.signoff.signOffPanel.reviewNotAvailable')} error={review.error} onRetry={review.reload} />;
  if (!data) return <Loader size="sm" m="xl" />;

  async function sign() {
    if (!data || !draft.signature) return;
    setSigning(true);
    const result = await runCommand(
      'signoff.sign',
      {
        ...subject,
        reviewHash: data.reviewHash,
        // The language of the statement on screen: the core signs that statement, word for word.
        language: data.language,
        statement: data.statement,
        decision: draft.decision,
        reason: draft.reason.trim(),
        exceptions: draft.decision === 'rejected' ? [] : proposed,
        gapReasons,
        signerName: draft.signerName.trim(),
        signerRole: draft.signerRole.trim(),
        signerEmail: draft.signerEmail.trim() || null,
        signerTimeZone: signerTimeZone(),
        signaturePngBase64: draft.signature,
        statementConfirmed: true,
      },
      {
        refresh: ['issues', 'sites'],
        success: t('site.signoff.signOffPanel.signed'),
        errorTitle: t('site.signoff.signOffPanel.notSigned'),
      },
    );
    setSigning(false);
    if (!result) {
      review.reload();
      return;
    }
    setExceptions({});
    setGapDraft({});
    setDraft((d) => ({ ...d, decision: 'accepted', reason: '', confirmed: false, signature: null }));
    review.reload();
    sheets.reload();
  }

  return (
    <Stack gap="sm" data-testid="signoff-panel">
      {data.changedSinceSignOff && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={16} />}
          title={t('site.signoff.signOffPanel.changedTitle')}
          data-testid="changed-since-signoff"
        >
          {t('site.signoff.signOffPanel.changedText')}
        </Alert>
      )}
      {guidance && (
        <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="signoff-blocking">
          {guidance}
        </Alert>
      )}
      <GapList
        gaps={data.gaps}
        draft={gapDraft}
        onChange={setGapDraft}
        askReasons={draft.decision === 'accepted_with_exceptions'}
        disabled={signing}
      />
      <ReviewSummary review={data.review} language={data.language} />
      <IssueExceptions
        issues={data.review.issues}
        draft={exceptions}
        onChange={setExceptions}
        disabled={signing || draft.decision === 'rejected'}
      />
      <SignForm
        key={data.latestSheetId ?? 'first'}
        draft={draft}
        onChange={setDraft}
        language={data.language}
        // Another language is another statement: it has to be confirmed again.
        onLanguage={(next) => {
          setLanguage(next);
          setDraft((d) => ({ ...d, confirmed: false }));
        }}
        statement={data.statement}
        verdict={formVerdict}
        signing={signing}
        onSign={() => void sign()}
      />
      <SheetList sheets={sheets.data ?? []} />
    </Stack>
  );
}
