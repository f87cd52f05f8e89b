import { z } from 'zod';
import { checklistPhaseSchema, componentKindSchema, componentScopeSchema, evidenceKindSchema } from '../domain/enums';

/**
 * A deployment's plan as a single JSON file: waves as day offsets from the first wave's start,
 * components, requirements (with their target roles) and the checklist template with dependencies
 * by key. Nothing of sites, inventory, machines or field work. Versioned: a reader refuses a
 * version it does not know instead of guessing.
 */
export const PLAN_TEMPLATE_FORMAT = 'outpost-plan-template';
export const PLAN_TEMPLATE_VERSION = 1;

/** The file's size limit (characters); it stays under the API's request limit once quoted. */
export const PLAN_TEMPLATE_MAX_CHARS = 200_000;
export const PLAN_TEMPLATE_LIMITS = { waves: 100, components: 500, requirements: 2000, checklistItems: 1000 } as const;
/** Wave offsets stay within ten years of the first wave's start. */
const MAX_OFFSET_DAYS = 3660;

const text = (max: number) => z.string().trim().max(max);
const offsetDays = z.number().finite().min(-MAX_OFFSET_DAYS).max(MAX_OFFSET_DAYS).nullable();

export const templateWaveSchema = z
  .object({
    name: text(200).min(1),
    /** Days from the first wave's start (fractions allowed); null = no date. */
    startOffsetDays: offsetDays,
    endOffsetDays: offsetDays,
  })
  .strict()
  .refine((w) => w.startOffsetDays === null || w.endOffsetDays === null || w.endOffsetDays > w.startOffsetDays, {
    message: 'A wave must end after it starts',
    path: ['endOffsetDays'],
  });

export const templateComponentSchema = z
  .object({
    name: text(200).min(1),
    kind: componentKindSchema,
    scope: componentScopeSchema,
    targetVersion: text(60).nullable(),
    manufacturer: text(200).nullable(),
    model: text(200).nullable(),
  })
  .strict();

export const templateRequirementSchema = z
  .object({
    kind: text(60).min(1),
    description: text(500),
    /** The target machine role it applies to (roles of targets travel here); null = every target. */
    targetRole: text(60).nullable(),
    params: z.record(z.string(), z.unknown()),
  })
  .strict();

export const templateChecklistItemSchema = z
  .object({
    /** Names the item inside this file, for `dependsOn`. */
    key: text(40).min(1),
    phase: checklistPhaseSchema,
    title: text(300).min(1),
    instructions: text(10_000),
    required: z.boolean(),
    evidence: evidenceKindSchema,
    dependsOn: text(40).min(1).nullable(),
    ownerPrepares: z.boolean(),
  })
  .strict();

const planTemplateV1 = z
  .object({
    format: z.literal(PLAN_TEMPLATE_FORMAT),
    version: z.literal(PLAN_TEMPLATE_VERSION),
    exportedAt: z.string().max(40).optional(),
    source: z
      .object({ name: text(200), version: text(60) })
      .strict()
      .optional(),
    deployment: z.object({ description: text(10_000), quietPeriodDays: z.number().int().min(0).max(365) }).strict(),
    waves: z.array(templateWaveSchema).max(PLAN_TEMPLATE_LIMITS.waves),
    components: z.array(templateComponentSchema).max(PLAN_TEMPLATE_LIMITS.components),
    requirements: z.array(templateRequirementSchema).max(PLAN_TEMPLATE_LIMITS.requirements),
    /** In phase order, then position. */
    checklist: z.array(templateChecklistItemSchema).max(PLAN_TEMPLATE_LIMITS.checklistItems),
  })
  .strict()
  .superRefine((t, ctx) => {
    const keys = new Map<string, string | null>();
    t.checklist.forEach((item, i) => {
      if (keys.has(item.key))
        ctx.addIssue({ code: 'custom', path: ['checklist', i, 'key'], message: `Checklist key "${item.key}" is used twice` });
      keys.set(item.key, item.dependsOn);
    });
    t.checklist.forEach((item, i) => {
      if (item.dependsOn !== null && !keys.has(item.dependsOn)) {
        ctx.addIssue({
          code: 'custom',
          path: ['checklist', i, 'dependsOn'],
          message: `"${item.title}" depends on "${item.dependsOn}", which is not in the checklist`,
        });
      } else if (dependencyLoops(keys, item.key)) {
        ctx.addIssue({ code: 'custom', path: ['checklist', i, 'dependsOn'], message: `"${item.title}" is part of a dependency cycle` });
      }
    });
  });
export type PlanTemplate = z.output<typeof planTemplateV1>;
export type TemplateWave = z.output<typeof templateWaveSchema>;
export type TemplateChecklistItem = z.output<typeof templateChecklistItemSchema>;

function dependencyLoops(next: ReadonlyMap<string, string | null>, start: string): boolean {
  const seen = new Set<string>();
  let at: string | null | undefined = start;
  while (at) {
    if (seen.has(at)) return at === start;
    seen.add(at);
    at = next.get(at);
  }
  return false;
}

export type TemplateReadResult =
  { ok: true; template: PlanTemplate } | { ok: false; message: string; issues: { path: string; message: string }[] };

const refuse = (message: string, issues: { path: string; message: string }[] = []): TemplateReadResult => ({ ok: false, message, issues });

/**
 * Reads a template file's text: size first, then JSON, then format and version (an unknown version
 * is named, never guessed at), then the whole shape. Nothing is applied unless all of it holds.
 */
export function readPlanTemplate(json: string): TemplateReadResult {
  if (json.length > PLAN_TEMPLATE_MAX_CHARS)
    return refuse(
      `The template file is too large (${json.length.toLocaleString('en')} characters; at most ${PLAN_TEMPLATE_MAX_CHARS.toLocaleString('en')})`,
    );
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return refuse(`The template file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== PLAN_TEMPLATE_FORMAT) {
    return refuse(`This is not an Outpost plan template (its "format" is not "${PLAN_TEMPLATE_FORMAT}")`);
  }
  const version = (value as { version?: unknown }).version;
  if (version !== PLAN_TEMPLATE_VERSION) {
    return refuse(`This plan template is version ${JSON.stringify(version)}; this Outpost reads version ${PLAN_TEMPLATE_VERSION} only`);
  }
  const parsed = planTemplateV1.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(file)', message: i.message }));
    return refuse(
      `The plan template is not valid: ${issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`,
      issues,
    );
  }
  return { ok: true, template: parsed.data };
}

/** The file's text, pretty-printed so it reads and diffs well. */
export function writePlanTemplate(template: PlanTemplate): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}
