import { useMemo } from 'react';
import type { SiteIssueCounts } from '../../../shared/contract/issues-methods';
import { useApiQuery } from '../../api/useApiQuery';

/** Open and open-blocking issue counts per site of a deployment, for the navigator. */
export function useIssueSummary(deploymentId: string): ReadonlyMap<string, SiteIssueCounts> {
  const summary = useApiQuery('issues.summary', { deploymentId }, ['issues', 'sites']);
  return useMemo(() => new Map((summary.data ?? []).map((s) => [s.siteId, s] as const)), [summary.data]);
}
