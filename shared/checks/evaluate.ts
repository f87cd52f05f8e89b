import {
  evaluateClockSkew,
  evaluateCpuCores,
  evaluateDiskFree,
  evaluateHardwareSerial,
  evaluateMemory,
  evaluateOs,
} from './evaluators/host-evaluators';
import { withMatchers } from './evaluators/goss-matchers';
import { evaluateInterface, evaluateMount } from './evaluators/mount-interface-evaluators';
import { evaluateGroup, evaluateUser } from './evaluators/probe-account-evaluators';
import { evaluateCommand, evaluateFile, evaluateKernelParam } from './evaluators/probe-file-evaluators';
import { evaluateAddr, evaluateDns, evaluateHttp } from './evaluators/probe-network-evaluators';
import { evaluatePackage, evaluatePort, evaluateProcess, evaluateService } from './evaluators/software-evaluators';
import { verdict, type EvaluationContext, type EvaluatorInput, type Verdict } from './evaluators/verdict';
import type { Facts } from './facts';
import {
  isRequirementKind,
  PROBED_KINDS,
  requirementParamsSchemas,
  type ProbedKind,
  type RequirementKind,
  type RequirementParams,
} from './requirement-kinds';
import type { RequirementResult } from './results';

export type { EvaluationContext } from './evaluators/verdict';

/** A requirement as stored (`requirements` table): its params are checked here, not trusted. */
export interface EvaluableRequirement {
  id: string;
  kind: string;
  description: string;
  params: Record<string, unknown>;
}

export interface ProbeRequestDraft {
  id: string;
  kind: ProbedKind;
  params: Record<string, unknown>;
}

type Evaluators = { [K in RequirementKind]: (params: RequirementParams<K>, input: EvaluatorInput) => Verdict };

const evaluators: Evaluators = {
  os: evaluateOs,
  cpu_cores: evaluateCpuCores,
  memory: evaluateMemory,
  disk_free: evaluateDiskFree,
  package: evaluatePackage,
  service: evaluateService,
  port: evaluatePort,
  process: evaluateProcess,
  file: evaluateFile,
  command: evaluateCommand,
  http: evaluateHttp,
  addr: evaluateAddr,
  dns: evaluateDns,
  kernel_param: evaluateKernelParam,
  user: evaluateUser,
  group: evaluateGroup,
  mount: evaluateMount,
  interface: evaluateInterface,
  clock_skew: evaluateClockSkew,
  hardware_serial: evaluateHardwareSerial,
};

/** Kinds judged the same way on any OS; the others are only checked on Linux targets for now. */
const PORTABLE_KINDS: ReadonlySet<RequirementKind> = new Set(['os', 'cpu_cores', 'memory', 'disk_free', 'clock_skew', 'hardware_serial']);

const isProbed = (kind: RequirementKind): kind is ProbedKind => (PROBED_KINDS as readonly string[]).includes(kind);

function parseParams(
  requirement: EvaluableRequirement,
): { ok: true; kind: RequirementKind; params: Record<string, unknown> } | { ok: false; reason: string } {
  if (!isRequirementKind(requirement.kind)) return { ok: false, reason: `Unknown requirement kind "${requirement.kind}"` };
  const parsed = requirementParamsSchemas[requirement.kind].safeParse(requirement.params ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'params'}: ${i.message}`);
    return { ok: false, reason: `Invalid parameters: ${issues.join('; ')}` };
  }
  return { ok: true, kind: requirement.kind, params: parsed.data as Record<string, unknown> };
}

function judgeOne(facts: Facts, requirement: EvaluableRequirement, context: EvaluationContext): Verdict {
  const parsed = parseParams(requirement);
  if (!parsed.ok)
    return verdict('error', 'valid requirement parameters', JSON.stringify(requirement.params ?? {}).slice(0, 300), parsed.reason);
  if (facts.os.family === 'windows' && !PORTABLE_KINDS.has(parsed.kind)) {
    return verdict(
      'skipped',
      requirement.description,
      'Windows target',
      'Windows targets are not checked for this kind of requirement yet',
    );
  }
  if (isProbed(parsed.kind) && !facts.probes[requirement.id] && facts.os.family === 'darwin') {
    return verdict(
      'skipped',
      requirement.description,
      `${facts.os.family} target`,
      `The target (${facts.os.family}) cannot run this check`,
    );
  }
  const evaluator = evaluators[parsed.kind] as (params: Record<string, unknown>, input: EvaluatorInput) => Verdict;
  try {
    const input = { facts, context, requirementId: requirement.id };
    return withMatchers(evaluator(parsed.params, input), parsed.kind, parsed.params, input);
  } catch (error) {
    return verdict(
      'error',
      requirement.description,
      'not evaluated',
      `Could not evaluate: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Judges every requirement against one target's facts: pass, fail, error (invalid parameters,
 * probe error, unreadable fact, with the reason) or skipped (not applicable to this target), each
 * with the expected and actual evidence. Pure and total: it never throws.
 */
export function evaluate(facts: Facts, requirements: readonly EvaluableRequirement[], context: EvaluationContext): RequirementResult[] {
  return requirements.map((requirement) => {
    const v = judgeOne(facts, requirement, context);
    return { requirementId: requirement.id, kind: requirement.kind, description: requirement.description, ...v };
  });
}

/**
 * What the target must run itself: the probed kinds with valid parameters (defaults applied), as
 * data for the probe. Invalid ones are left out; `evaluate` reports them as errors.
 */
export function probeRequestsFor(requirements: readonly EvaluableRequirement[]): ProbeRequestDraft[] {
  const requests: ProbeRequestDraft[] = [];
  for (const requirement of requirements) {
    const parsed = parseParams(requirement);
    if (parsed.ok && isProbed(parsed.kind)) requests.push({ id: requirement.id, kind: parsed.kind, params: parsed.params });
  }
  return requests;
}
