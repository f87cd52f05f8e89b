import type { RequirementResult } from '../../shared/checks/results';

/** One host of an `outpost check` report, whatever the output format. */
export interface HostReport {
  host: string;
  /** `completed`, or why the host could not be checked (unreachable, host_key_changed, …). */
  outcome: string;
  message: string | null;
  durationMs: number;
  results: RequirementResult[];
}
