import { z } from 'zod';

/** Roles a local profile (and later a server account) can hold. */
export const roleSchema = z.enum(['technician', 'release_manager', 'administrator']);
export type Role = z.infer<typeof roleSchema>;

export const deploymentStatusSchema = z.enum(['draft', 'published', 'in_progress', 'stabilizing', 'complete']);
export type DeploymentStatus = z.infer<typeof deploymentStatusSchema>;

export const siteStatusSchema = z.enum(['planned', 'ready', 'in_progress', 'blocked', 'deployed', 'signed_off', 'rolled_back']);
export type SiteStatus = z.infer<typeof siteStatusSchema>;

export const componentKindSchema = z.enum(['software', 'hardware']);
export const componentScopeSchema = z.enum(['core', 'site']);

/** Lifecycle of an inventory item: expected → received → installed → verified, or an exception state. */
export const inventoryStateSchema = z.enum(['expected', 'received', 'installed', 'verified', 'missing', 'damaged', 'returned']);
export type InventoryState = z.infer<typeof inventoryStateSchema>;

/** States that mean the item physically arrived at the site. */
export const ARRIVED_STATES: readonly InventoryState[] = ['received', 'installed', 'verified', 'damaged'];

export const checklistPhaseSchema = z.enum(['before', 'during', 'after', 'handover', 'rollback']);
export type ChecklistPhase = z.infer<typeof checklistPhaseSchema>;
export const CHECKLIST_PHASES: readonly ChecklistPhase[] = checklistPhaseSchema.options;

export const checklistItemStateSchema = z.enum(['todo', 'done', 'not_applicable', 'failed']);
export type ChecklistItemState = z.infer<typeof checklistItemStateSchema>;

export const evidenceKindSchema = z.enum(['none', 'note', 'photo', 'check_run']);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;
