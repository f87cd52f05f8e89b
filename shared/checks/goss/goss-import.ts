import { requirementParamsSchemas } from '../requirement-kinds';
import {
  fileSection,
  groupSection,
  interfaceSection,
  kernelParamSection,
  mountSection,
  packageSection,
  processSection,
  serviceSection,
  userSection,
  type SectionDraft,
} from './goss-host-sections';
import { addrSection, commandSection, dnsSection, httpSection, portSection } from './goss-network-sections';
import { GossSink, ResourceReader, SkipResource, type GossIssue, type GossSkip, type RequirementDraft } from './goss-reader';

export type { GossIssue, GossSkip, RequirementDraft } from './goss-reader';

const SECTIONS: Record<string, (r: ResourceReader) => SectionDraft[]> = {
  file: fileSection,
  package: packageSection,
  service: serviceSection,
  port: portSection,
  process: processSection,
  command: commandSection,
  addr: addrSection,
  http: httpSection,
  dns: dnsSection,
  mount: mountSection,
  'kernel-param': kernelParamSection,
  user: userSection,
  group: groupSection,
  interface: interfaceSection,
};

const KNOWN_UNSUPPORTED: Record<string, string> = {
  gossfile:
    'Includes are followed only when the file is read from disk (outpost check --requirements): render the file with "goss render" and import the result',
  matching:
    'A matching test compares values written in the file itself (for templates and --vars), nothing on the machine: there is nothing for Outpost to check',
  'http-request': 'Outpost has no http-request check',
};

export type GossImport =
  { ok: true; drafts: RequirementDraft[]; skipped: GossSkip[] } | { ok: false; issues: GossIssue[]; skipped: GossSkip[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lines that use Go templates (`{{ ... }}`): such a file must be rendered with `goss render` first. */
export function findGossTemplates(text: string): GossIssue[] {
  const issues: GossIssue[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /\{\{.*?(\}\}|$)/.exec(line);
    if (match) {
      const snippet = match[0].length > 60 ? `${match[0].slice(0, 59)}…` : match[0];
      issues.push({
        path: `line ${index + 1}`,
        message: `Line ${index + 1} uses a Goss template (${snippet}): render the file with "goss render" and import the result`,
      });
    }
  });
  return issues;
}

function importResource(
  sink: GossSink,
  section: string,
  key: string,
  value: unknown,
  handler: (r: ResourceReader) => SectionDraft[],
): void {
  const reader = new ResourceReader(section, key, value, sink);
  try {
    if (reader.bool('skip') === true) throw new SkipResource('marked "skip: true" in the Goss file');
    const title = reader.text('title');
    reader.ignore('meta', 'Goss metadata is not imported');
    const drafts = handler(reader);
    reader.finish();
    for (const draft of drafts) {
      const parsed = requirementParamsSchemas[draft.kind].safeParse(draft.params);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          sink.error(`${reader.path}${issue.path.length ? `: ${issue.path.join('.')}` : ''}`, issue.message);
        continue;
      }
      const description = (title ?? draft.description).slice(0, 500);
      sink.drafts.push({ kind: draft.kind, description, params: parsed.data as Record<string, unknown>, source: reader.path });
    }
  } catch (error) {
    if (!(error instanceof SkipResource)) throw error;
    sink.skip(reader.path, error.message);
  }
}

/**
 * Maps a parsed goss.yaml (see docs/architecture.md, "Checks: requirements and evaluation") to
 * requirement drafts, every one valid against `requirementParamsSchemas`. Resources, attributes
 * and sections Outpost cannot check are listed in `skipped`, never dropped silently; invalid
 * values make the whole import fail with the reasons.
 */
export function mapGossDocument(document: unknown): GossImport {
  const sink = new GossSink();
  if (!isRecord(document))
    return {
      ok: false,
      issues: [{ path: '(file)', message: 'A Goss file is a map of sections (file:, package:, service:, …)' }],
      skipped: [],
    };
  for (const [section, resources] of Object.entries(document)) {
    const handler = SECTIONS[section];
    if (!handler) {
      sink.skip(section, KNOWN_UNSUPPORTED[section] ?? `Unknown Goss section "${section}"`);
      continue;
    }
    if (resources === null || resources === '') continue;
    if (!isRecord(resources)) {
      sink.error(section, 'Expected a map of resources');
      continue;
    }
    for (const [key, value] of Object.entries(resources)) importResource(sink, section, key, value, handler);
  }
  if (sink.errors.length > 0) return { ok: false, issues: sink.errors, skipped: sink.skipped };
  if (sink.drafts.length === 0)
    return {
      ok: false,
      issues: [{ path: '(file)', message: 'The file holds no Goss resource that Outpost can check' }],
      skipped: sink.skipped,
    };
  return { ok: true, drafts: sink.drafts, skipped: sink.skipped };
}
