import { Badge, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { formatWindow } from '../../format/time';
import { Time } from '../../format/Time';
import { dash, ReportSection } from './ReportSection';
import { useText } from '../../i18n/i18n';

function Field({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

export function ReportSummary({ report }: { report: SiteReport }) {
  const t = useText();
  const s = report.summary;
  return (
    <ReportSection title={t('siteReport.sections.reportSummary.summary')} testId="report-summary">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing={6}>
        <Field label={t('siteReport.sections.reportSummary.site')} value={`${s.code} · ${s.name}`} testId="report-site" />
        <Field
          label={t('siteReport.sections.reportSummary.deployment')}
          value={`${s.deployment.name}${s.deployment.version ? ` v${s.deployment.version}` : ''}`}
        />
        <Field
          label={t('siteReport.sections.reportSummary.wave')}
          value={s.wave ? `${s.wave.name}${s.wave.isPilot && !/pilot/i.test(s.wave.name) ? ' (pilot)' : ''}` : '—'}
        />
        <div>
          <Text size="xs" c="dimmed">
            {t('siteReport.sections.reportSummary.status')}
          </Text>
          <Badge variant="light" data-testid="report-status">
            {s.status.replace(/_/g, ' ')}
          </Badge>
        </div>
        <Field label={t('siteReport.sections.reportSummary.window')} value={formatWindow(s.windowStart, s.windowEnd, s.timeZone)} />
        <Field
          label={t('siteReport.sections.reportSummary.technicians')}
          value={s.technicians.length > 0 ? s.technicians.join(', ') : '—'}
        />
        <Field
          label={t('siteReport.sections.reportSummary.firstFieldActivity')}
          value={s.firstActivityAt ? <Time iso={s.firstActivityAt} zone={s.timeZone} /> : '—'}
          testId="report-first-activity"
        />
        <Field
          label={t('siteReport.sections.reportSummary.signedOff')}
          value={s.signedOffAt ? <Time iso={s.signedOffAt} zone={s.timeZone} /> : 'not yet'}
          testId="report-signed-off"
        />
        <Field label={t('siteReport.sections.reportSummary.address')} value={dash(s.address)} />
        <Field label={t('siteReport.sections.reportSummary.siteOwner')} value={dash(s.ownerName)} />
        <Field label={t('siteReport.sections.reportSummary.timeZone')} value={s.timeZone} />
      </SimpleGrid>
    </ReportSection>
  );
}
