import { Badge, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { formatWindow } from '../../format/time';
import { Time } from '../../format/Time';
import { dash, ReportSection } from './ReportSection';

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
  const s = report.summary;
  return (
    <ReportSection title="Summary" testId="report-summary">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing={6}>
        <Field label="Site" value={`${s.code} · ${s.name}`} testId="report-site" />
        <Field label="Deployment" value={`${s.deployment.name}${s.deployment.version ? ` v${s.deployment.version}` : ''}`} />
        <Field label="Wave" value={s.wave ? `${s.wave.name}${s.wave.isPilot && !/pilot/i.test(s.wave.name) ? ' (pilot)' : ''}` : '—'} />
        <div>
          <Text size="xs" c="dimmed">
            Status
          </Text>
          <Badge variant="light" data-testid="report-status">
            {s.status.replace(/_/g, ' ')}
          </Badge>
        </div>
        <Field label="Window" value={formatWindow(s.windowStart, s.windowEnd, s.timeZone)} />
        <Field label="Technicians" value={s.technicians.length > 0 ? s.technicians.join(', ') : '—'} />
        <Field label="First field activity" value={s.firstActivityAt ? <Time iso={s.firstActivityAt} zone={s.timeZone} /> : '—'} testId="report-first-activity" />
        <Field label="Signed off" value={s.signedOffAt ? <Time iso={s.signedOffAt} zone={s.timeZone} /> : 'not yet'} testId="report-signed-off" />
        <Field label="Address" value={dash(s.address)} />
        <Field label="Site owner" value={dash(s.ownerName)} />
        <Field label="Time zone" value={s.timeZone} />
      </SimpleGrid>
    </ReportSection>
  );
}
