import { Badge, Group, Tooltip } from '@mantine/core';
import type { EvidenceRun } from '../../../shared/domain/checklist';
import { runPassed } from '../../../shared/logic/checklist-rules';
import { Time } from '../../format/Time';
import { useText } from '../../i18n/i18n';

function describe(run: EvidenceRun): string {
  const counts = `${run.pass} passed, ${run.fail} failed, ${run.error} errors`;
  return run.outcome === 'completed' ? counts : `${run.outcome.replace(/_/g, ' ')} · ${counts}`;
}

/** The check runs linked to an item as evidence: host, PASS/FAIL and when. */
export function EvidenceRunBadges({ runs }: { runs: readonly EvidenceRun[] }) {
  const t = useText();
  if (runs.length === 0) return null;
  return (
    <Group gap={4} mt={4}>
      {runs.map((run) => {
        const passed = runPassed(run);
        return (
          <Tooltip key={run.runId} label={describe(run)}>
            <Badge
              size="xs"
              variant="light"
              color={passed ? 'teal' : 'red'}
              tt="none"
              data-testid="evidence-run"
              data-run-id={run.runId}
              data-pass={passed}
            >
              {run.targetName} · {passed ? t('site.checklist.evidenceRunBadges.pass') : t('site.checklist.evidenceRunBadges.fail')} ·{' '}
              <Time iso={run.finishedAt} />
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}
