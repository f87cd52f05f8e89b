import { readFile } from 'node:fs/promises';
import type { EvaluableRequirement } from '../../../shared/checks/evaluate';
import { requirementRowProblem } from '../../../shared/checks/requirement-rule';
import { PLAN_TEMPLATE_FORMAT, readPlanTemplate } from '../../../shared/plan-template/plan-template-schema';
import { importGossFileFromDisk } from '../goss/goss-from-disk';
import { AdhocInputError } from './adhoc-input-error';

/** A requirement of an ad-hoc check; `role` only from a plan template (null: every host). */
export interface AdhocRequirement extends EvaluableRequirement {
  role: string | null;
  /** Where it came from: `port: tcp:22` (gossfile) or `requirements[3]` (plan template). */
  source: string;
}

export interface AdhocRequirements {
  format: 'gossfile' | 'outpost-plan-template';
  requirements: AdhocRequirement[];
  /** Parts of the file not checked, each with why (never dropped silently). */
  skipped: { path: string; reason: string }[];
}

const id = (n: number) => `r${String(n + 1).padStart(3, '0')}`;

/**
 * Reads --requirements: a gossfile (YAML or JSON, `gossfile:` includes followed relative to it; the
 * Goss import of the Requirements tab) or an Outpost plan template (`"format":
 * "outpost-plan-template"`, the file Plan → Export template writes; its requirements with a
 * target role apply only to inventory hosts with that `outpost_role`). A file that cannot be read
 * whole is refused (AdhocInputError), naming every problem.
 */
export async function readAdhocRequirements(file: string): Promise<AdhocRequirements> {
  let head: string;
  try {
    head = (await readFile(file, 'utf8')).slice(0, 4096);
  } catch (error) {
    throw new AdhocInputError(
      `--requirements ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  if (/^\s*\{/.test(head) && head.includes(`"${PLAN_TEMPLATE_FORMAT}"`)) return readTemplate(file);
  const imported = await importGossFileFromDisk(file);
  if (!imported.ok)
    throw new AdhocInputError(
      `--requirements ${file} cannot be used:\n${imported.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
    );
  return {
    format: 'gossfile',
    requirements: imported.drafts.map((d, n) => ({
      id: id(n),
      kind: d.kind,
      description: d.description,
      params: d.params,
      role: null,
      source: d.source,
    })),
    skipped: imported.skipped,
  };
}

async function readTemplate(file: string): Promise<AdhocRequirements> {
  const read = readPlanTemplate(await readFile(file, 'utf8'));
  if (!read.ok) throw new AdhocInputError(`--requirements ${file}: ${read.message}`);
  const problems: string[] = [];
  const requirements = read.template.requirements.map((r, n) => {
    const problem = requirementRowProblem(r.kind, JSON.stringify(r.params));
    if (problem) problems.push(`  requirements[${n}] (${r.description || r.kind}): ${problem}`);
    return {
      id: id(n),
      kind: r.kind,
      description: r.description,
      params: r.params,
      role: r.targetRole || null,
      source: `requirements[${n}]`,
    };
  });
  if (problems.length > 0) throw new AdhocInputError(`--requirements ${file} cannot be used:\n${problems.join('\n')}`);
  return { format: 'outpost-plan-template', requirements, skipped: [] };
}
