import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { SignOffReview } from '../../../shared/domain/signoff';
import { Time } from '../../format/Time';
import { SmallTable } from '../../shell/SmallTable';

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Paper withBorder data-testid={testId}>
      <Text fw={600} size="sm" px="sm" py={6}>
        {title}
      </Text>
      {children}
    </Paper>
  );
}

/** In the site's zone, named (the workspace's display zone). */
const when = (iso: string | null) => <Time iso={iso} />;

/** Exactly what the sheet will cover (apart from the issues, shown with their exception controls). */
export function ReviewSummary({ review }: { review: SignOffReview }) {
  const inv = review.inventory;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      <Section title={`Components (${review.components.length})`} testId="review-components">
        <SmallTable head={['Name', 'Kind', 'Scope', 'Version']} rows={review.components.map((c) => [c.name, c.kind, c.scope, c.targetVersion ?? '—'])} empty="No components" />
      </Section>
      {review.site && (
        <Section title="Checklist by phase" testId="review-checklist">
          <SmallTable
            head={['Phase', 'Done', 'Failed', 'Open required', 'Completed']}
            rows={review.checklist.map((p) => [p.phase, `${p.done} / ${p.total}`, p.failed, p.openRequired, when(p.completedAt)])}
            empty="No checklist"
          />
        </Section>
      )}
      {review.site && (
        <Section title="Checks: latest result per target" testId="review-checks">
          <SmallTable
            head={['Target', 'Role', 'Result', 'Finished']}
            rows={review.checks.map((c) => [c.target, c.role || '—', c.outcome === 'not checked' ? <Text span size="xs" c="dimmed">not checked</Text> : c.result, when(c.finishedAt)])}
            empty="No target machines"
          />
        </Section>
      )}
      {inv && (
        <Section title="Inventory reconciliation" testId="review-inventory">
          <Group gap="lg" px="sm" pb={6}>
            <Text size="xs">Expected {inv.expected}</Text>
            <Text size="xs">Received {inv.received}</Text>
            <Text size="xs" c={inv.missing ? 'orange' : undefined}>Missing {inv.missing}</Text>
            <Text size="xs">Surplus {inv.surplus}</Text>
            <Text size="xs" c={inv.damaged ? 'red' : undefined}>Damaged {inv.damaged}</Text>
          </Group>
          <Text size="xs" c="dimmed" px="sm" pb="sm">
            {inv.exceptions.length} item(s) not received, damaged or surplus are listed on the sheet.
          </Text>
        </Section>
      )}
      {review.training && (
        <Section title={`Training and attendance (${review.training.length})`} testId="review-training">
          <SmallTable
            head={['Session', 'Start', 'Trainer', 'Attendance']}
            rows={review.training.map((s) => {
              const signed = s.attendees.filter((a) => a.attendance === 'signed').length;
              return [s.topic, when(s.startsAt), s.trainer, `${signed} signed, ${s.attendees.length - signed} absent`];
            })}
            empty="No training session"
          />
        </Section>
      )}
      {review.sites && (
        <Section title={`Sites (${review.sites.length})`} testId="review-sites">
          <SmallTable
            head={['Site', 'Status', 'Site sheet', 'Decision']}
            rows={review.sites.map((s) => [`${s.code} ${s.name}`, s.status, s.sheetHash ? s.sheetHash.slice(0, 12) : 'not signed', s.sheetDecision ?? '—'])}
            empty="No sites"
          />
        </Section>
      )}
    </SimpleGrid>
  );
}
