import { stringify } from 'yaml';
import { requirementsToGoss, type ExportableRequirement } from '../../../shared/checks/goss/goss-export';

export interface GossFileExport {
  yaml: string;
  exported: number;
  skipped: { description: string; reason: string }[];
}

/** A gossfile (YAML) for the requirements, with what Goss cannot express listed (see goss-export.ts). */
export function exportGossYaml(requirements: readonly ExportableRequirement[], header: string): GossFileExport {
  const { document, exported, skipped } = requirementsToGoss(requirements);
  const notes = skipped.map((s) => `#   not exported: ${s.description.replace(/\s+/g, ' ')}: ${s.reason}`);
  // Plain YAML 1.1-safe output: strings that look like numbers or booleans ("0644", "1.10") are quoted.
  const body = Object.keys(document).length === 0 ? '{}\n' : stringify(document, { lineWidth: 0, version: '1.1' });
  return { yaml: [`# ${header}`, ...notes, body].join('\n'), exported, skipped };
}
