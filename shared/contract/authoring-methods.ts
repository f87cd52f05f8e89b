import { siteTechnicianInputSchema } from '../domain/site-technician';
import { z } from 'zod';
import { siteLanguageSchema } from '../i18n/languages';
import { SAFE_HOST, SAFE_NAME } from '../checks/requirement-kinds';
import { idSchema } from '../domain/audit';
import { checklistTemplateItemSchema } from '../domain/checklist';
import { componentSchema, deploymentSchema, requirementSchema, waveSchema } from '../domain/deployment';
import {
  checklistPhaseSchema,
  componentKindSchema,
  componentScopeSchema,
  deploymentStatusSchema,
  evidenceKindSchema,
} from '../domain/enums';
import { targetMachineSchema } from '../domain/machine';
import { SITE_WINDOW_MESSAGE, spanRefinement, WAVE_SPAN_MESSAGE } from '../domain/time-span';
import { isValidTimeZone } from '../time/time-zone';
import { SITE_NOTES_MAX_LENGTH, siteSchema } from '../domain/site';
import { command, managersOnly, query } from './define';

const text = (max: number) => z.string().trim().max(max);
const instant = z.iso.datetime({ offset: true });

const timeZone = text(64).refine(isValidTimeZone, 'Give an IANA time zone such as Europe/Amsterdam');
const hostName = z.string().trim().regex(SAFE_HOST, 'Give a host name (letters, digits, dots and hyphens)');
const address = z.string().trim().regex(SAFE_HOST, 'Give a host name or an IP address');
const username = z.string().trim().regex(SAFE_NAME, 'Only letters, digits and . _ + @ : - are allowed in a user name').or(z.literal(''));

export const deploymentUpdateSchema = z
  .object({
    deploymentId: idSchema,
    name: text(200).min(1, 'Name is required').optional(),
    version: text(60).optional(),
    description: text(10_000).optional(),
    status: deploymentStatusSchema.optional(),
    quietPeriodDays: z.number().int().min(0).max(365).optional(),
  })
  .strict();

export const waveInputSchema = z
  .object({
    deploymentId: idSchema,
    name: text(200).min(1, 'Name is required'),
    startsAt: instant.nullable().default(null),
    endsAt: instant.nullable().default(null),
  })
  .strict()
  .superRefine(spanRefinement('startsAt', 'endsAt', WAVE_SPAN_MESSAGE));
export const waveUpdateSchema = z
  .object({
    waveId: idSchema,
    name: text(200).min(1, 'Name is required').optional(),
    startsAt: instant.nullable().optional(),
    endsAt: instant.nullable().optional(),
  })
  .strict()
  .superRefine(spanRefinement('startsAt', 'endsAt', WAVE_SPAN_MESSAGE));

export const siteUpdateSchema = z
  .object({
    siteId: idSchema,
    waveId: idSchema.nullable().optional(),
    code: text(40).min(1, 'Code is required').optional(),
    name: text(200).min(1, 'Name is required').optional(),
    address: text(500).optional(),
    timeZone: timeZone.optional(),
    ownerName: text(200).optional(),
    ownerEmail: text(200).optional(),
    ownerPhone: text(60).optional(),
    windowStart: instant.nullable().optional(),
    windowEnd: instant.nullable().optional(),
    technicians: z.array(siteTechnicianInputSchema).max(50).optional(),
    notes: text(SITE_NOTES_MAX_LENGTH).optional(),
    language: siteLanguageSchema.nullable().optional(),
  })
  .strict()
  .superRefine(spanRefinement('windowStart', 'windowEnd', SITE_WINDOW_MESSAGE));

const componentFields = {
  name: text(200).min(1, 'Name is required'),
  kind: componentKindSchema,
  scope: componentScopeSchema,
  targetVersion: text(60).nullable(),
  manufacturer: text(200).nullable(),
  model: text(200).nullable(),
};
export const componentInputSchema = z
  .object({
    deploymentId: idSchema,
    ...componentFields,
    scope: componentScopeSchema.default('site'),
    targetVersion: componentFields.targetVersion.default(null),
    manufacturer: componentFields.manufacturer.default(null),
    model: componentFields.model.default(null),
  })
  .strict();
export const componentUpdateSchema = z.object({ componentId: idSchema, ...z.object(componentFields).partial().shape }).strict();

const machineFields = {
  hostName,
  address,
  port: z.number().int().min(1, 'Port is 1–65535').max(65535, 'Port is 1–65535'),
  username,
  role: text(60),
  inventoryItemId: idSchema.nullable(),
};
export const machineInputSchema = z
  .object({
    siteId: idSchema,
    ...machineFields,
    port: machineFields.port.default(22),
    username: username.default(''),
    role: machineFields.role.default(''),
    inventoryItemId: machineFields.inventoryItemId.default(null),
  })
  .strict();
export const machineUpdateSchema = z.object({ machineId: idSchema, ...z.object(machineFields).partial().shape }).strict();

export const requirementInputSchema = z
  .object({
    deploymentId: idSchema,
    kind: z.string().min(1),
    description: text(500).default(''),
    targetRole: text(60).nullable().default(null),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export const templateItemInputSchema = z
  .object({
    deploymentId: idSchema,
    /** Absent: a new item. */
    itemId: idSchema.optional(),
    phase: checklistPhaseSchema,
    /** 1-based position within the phase; absent: at the end. */
    position: z.number().int().min(1).optional(),
    title: text(300).min(1, 'Title is required'),
    instructions: text(10_000).default(''),
    required: z.boolean().default(true),
    evidence: evidenceKindSchema.default('none'),
    dependsOn: idSchema.nullable().default(null),
    /** A before item the site owner must prepare (listed in the owner's calendar invitation). */
    ownerPrepares: z.boolean().default(false),
  })
  .strict();

export const TEMPLATE_CHANGE_NOTE =
  'Template changes apply to sites created afterwards; use "Apply to site" to add new items to an existing site.';

const deleted = z.object({ deleted: z.literal(true) });

export const authoringMethods = {
  'deployments.update': managersOnly(command(deploymentUpdateSchema, deploymentSchema, 'Edit a deployment; its status only moves forward')),
  'waves.create': managersOnly(command(waveInputSchema, waveSchema, 'Add a wave; the first wave (sequence 1) is the pilot')),
  'waves.update': managersOnly(command(waveUpdateSchema, waveSchema, 'Rename or reschedule a wave')),
  'waves.delete': managersOnly(command(z.object({ waveId: idSchema }).strict(), deleted, 'Delete a wave without sites')),
  'sites.update': managersOnly(
    command(siteUpdateSchema, siteSchema, 'Edit a site: code, address, time zone, owner, window, wave, technicians'),
  ),
  'components.create': managersOnly(
    command(componentInputSchema, componentSchema, 'Add a component (software with a target version, or hardware)'),
  ),
  'components.update': managersOnly(command(componentUpdateSchema, componentSchema, 'Edit a component')),
  'machines.create': managersOnly(command(machineInputSchema, targetMachineSchema, 'Add a target machine to a site')),
  'machines.update': managersOnly(command(machineUpdateSchema, targetMachineSchema, 'Edit a target machine')),
  'machines.delete': managersOnly(command(z.object({ machineId: idSchema }).strict(), deleted, 'Remove a target machine')),
  'requirements.create': managersOnly(command(requirementInputSchema, requirementSchema, 'Add a typed requirement')),
  'requirements.delete': managersOnly(command(z.object({ requirementId: idSchema }).strict(), deleted, 'Remove a requirement')),
  'checklistTemplate.get': query(
    z.object({ deploymentId: idSchema }).strict(),
    z.object({ templateId: idSchema.nullable(), items: z.array(checklistTemplateItemSchema), note: z.string() }),
    "The deployment's checklist template items by phase and position",
  ),
  'checklistTemplate.saveItem': managersOnly(
    command(
      templateItemInputSchema,
      checklistTemplateItemSchema,
      'Add or edit a checklist template item (sites created afterwards get it)',
    ),
  ),
  'checklistTemplate.deleteItem': managersOnly(
    command(z.object({ itemId: idSchema }).strict(), deleted, 'Remove a checklist template item'),
  ),
  'checklistTemplate.applyToSite': managersOnly(
    command(
      z.object({ siteId: idSchema }).strict(),
      z.object({ added: z.number().int() }),
      "Add template items missing from a site's checklist without touching progress",
    ),
  ),
} as const;
