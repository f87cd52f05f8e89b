import { siteTechnicianInputSchema } from '../domain/site-technician';
import { z } from 'zod';
import { siteLanguageSchema } from '../i18n/languages';
import { idSchema } from '../domain/audit';
import { componentSchema, deploymentSchema, deploymentSummarySchema, requirementSchema, waveSchema } from '../domain/deployment';
import { siteStatusSchema } from '../domain/enums';
import { targetMachineSchema } from '../domain/machine';
import { SITE_NOTES_MAX_LENGTH, siteSchema, siteSummarySchema } from '../domain/site';
import { SITE_WINDOW_MESSAGE, spanRefinement } from '../domain/time-span';
import { isValidTimeZone } from '../time/time-zone';
import { command, query } from './define';

const text = (max: number) => z.string().trim().max(max);

export const deploymentInputSchema = z
  .object({
    name: text(200).min(1, 'Name is required'),
    version: text(60).default(''),
    description: text(10_000).default(''),
    quietPeriodDays: z.number().int().min(0).max(365).default(14),
  })
  .strict();

export const siteInputSchema = z
  .object({
    deploymentId: idSchema,
    waveId: idSchema.nullable().default(null),
    code: text(40).min(1, 'Code is required'),
    name: text(200).min(1, 'Name is required'),
    address: text(500).default(''),
    timeZone: text(64).refine(isValidTimeZone, 'Give an IANA time zone such as Europe/Amsterdam').default('UTC'),
    ownerName: text(200).default(''),
    ownerEmail: text(200).default(''),
    ownerPhone: text(60).default(''),
    windowStart: z.iso.datetime({ offset: true }).nullable().default(null),
    windowEnd: z.iso.datetime({ offset: true }).nullable().default(null),
    technicians: z.array(siteTechnicianInputSchema).max(50).default([]),
    notes: text(SITE_NOTES_MAX_LENGTH).default(''),
    /** The site owner's language; null = from the site's country. */
    language: siteLanguageSchema.nullable().default(null),
  })
  .strict()
  .superRefine(spanRefinement('windowStart', 'windowEnd', SITE_WINDOW_MESSAGE));

export const planMethods = {
  'deployments.list': query(z.object({}).strict(), z.array(deploymentSummarySchema), 'All deployments with site figures'),
  'deployments.get': query(
    z.object({ deploymentId: idSchema }).strict(),
    z.object({
      deployment: deploymentSchema,
      waves: z.array(waveSchema),
      components: z.array(componentSchema),
      requirements: z.array(requirementSchema),
    }),
    'One deployment with its waves, components and requirements',
  ),
  'deployments.create': command(deploymentInputSchema, deploymentSchema, 'Create a draft deployment'),
  'sites.list': query(
    z.object({ deploymentId: idSchema }).strict(),
    z.array(siteSummarySchema),
    'The sites of a deployment with status and progress',
  ),
  'sites.get': query(z.object({ siteId: idSchema }).strict(), siteSummarySchema, 'One site with its progress figures'),
  'sites.create': command(siteInputSchema, siteSchema, 'Add a site; its checklist is instantiated from the deployment template'),
  'sites.setStatus': command(z.object({ siteId: idSchema, status: siteStatusSchema }).strict(), siteSchema, 'Change a site status'),
  'machines.list': query(z.object({ siteId: idSchema }).strict(), z.array(targetMachineSchema), "A site's target machines"),
} as const;
