import { z } from 'zod';
import { auditSchema, idSchema } from './audit';
import { checkOutcomeSchema } from './check-run';
import { checklistItemStateSchema, checklistPhaseSchema, evidenceKindSchema } from './enums';
import { progressSchema } from './site';

/** What a template item and a site's copy of it have in common. */
const checklistItemContent = {
  phase: checklistPhaseSchema,
  position: z.number().int(),
  title: z.string(),
  instructions: z.string(),
  required: z.boolean(),
  evidence: evidenceKindSchema,
};

export const checklistTemplateItemSchema = z.object({
  id: idSchema,
  templateId: idSchema,
  ...checklistItemContent,
  dependsOn: idSchema.nullable(),
  /** A before item the site owner must prepare: it goes into the owner's calendar invitation. */
  ownerPrepares: z.boolean(),
});
export type ChecklistTemplateItem = z.infer<typeof checklistTemplateItemSchema>;

/** A finished check run linked to a checklist item as evidence. */
export const evidenceRunSchema = z.object({
  runId: idSchema,
  targetName: z.string(),
  finishedAt: z.string(),
  outcome: checkOutcomeSchema,
  pass: z.number().int(),
  fail: z.number().int(),
  error: z.number().int(),
});
export type EvidenceRun = z.infer<typeof evidenceRunSchema>;

/** A photo (an attachment, by SHA-256) linked to a checklist item as evidence. */
export const evidencePhotoSchema = z.object({
  sha256: z.string(),
  linkedAt: z.string(),
  linkedBy: z.string(),
});
export type EvidencePhoto = z.infer<typeof evidencePhotoSchema>;

/** One item of a site's checklist instance. */
export const checklistItemSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  templateItemId: idSchema.nullable(),
  ...checklistItemContent,
  /** Another item of the same site that must be done (or not applicable) first. */
  dependsOn: idSchema.nullable(),
  state: checklistItemStateSchema,
  note: z.string(),
  stateBy: z.string().nullable(),
  stateAt: z.string().nullable(),
  ...auditSchema.shape,
  /** Check runs linked as evidence, oldest link first. */
  evidenceRuns: z.array(evidenceRunSchema).default([]),
  /** Photos linked as evidence, oldest first. */
  evidencePhotos: z.array(evidencePhotoSchema).default([]),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistPhaseViewSchema = z.object({
  phase: checklistPhaseSchema,
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
  progress: progressSchema,
  openRequired: z.number().int(),
  items: z.array(checklistItemSchema),
});
export type ChecklistPhaseView = z.infer<typeof checklistPhaseViewSchema>;

export const checklistViewSchema = z.object({
  siteId: idSchema,
  progress: progressSchema,
  phases: z.array(checklistPhaseViewSchema),
});
export type ChecklistView = z.infer<typeof checklistViewSchema>;
