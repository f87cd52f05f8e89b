import type { z } from 'zod';
import { appMethods } from './app-methods';
import { appUpdateMethods } from './app-update-methods';
import { attachmentsMethods } from './attachments-methods';
import { authoringMethods } from './authoring-methods';
import { bulkEditMethods } from './bulk-edit-methods';
import { calendarMethods } from './calendar-methods';
import { checklistMethods } from './checklist-methods';
import { adhocCheckMethods } from './adhoc-check-methods';
import { checksMethods } from './checks-methods';
import { closeoutMethods } from './closeout-methods';
import { dashboardMethods } from './dashboard-methods';
import { desktopMethods } from './desktop-methods';
import { inventoryImportMethods } from './inventory-import-methods';
import { inventoryMethods } from './inventory-methods';
import { issuesMethods } from './issues-methods';
import { labelsMethods } from './labels-methods';
import { API_METHOD_NAMES, type ApiMethodName } from './method-names';
import { planMethods } from './plan-methods';
import { planTemplateMethods } from './plan-template-methods';
import { requirementsMethods } from './requirements-methods';
import { reviewMethods } from './review-methods';
import { rollbackMethods } from './rollback-methods';
import { scheduleMethods } from './schedule-methods';
import { signoffMethods } from './signoff-methods';
import { siteImportMethods } from './site-import-methods';
import { siteReportMethods } from './site-report-methods';
import { syncMethods } from './sync-methods';
import { targetImportMethods } from './target-import-methods';
import { trainingMethods } from './training-methods';

/** The one API contract between the renderer and the core, shared by the Electron bridge and the browser host. */
export const apiContract = {
  ...appMethods,
  ...appUpdateMethods,
  ...planMethods,
  ...authoringMethods,
  ...requirementsMethods,
  ...inventoryMethods,
  ...inventoryImportMethods,
  ...labelsMethods,
  ...checklistMethods,
  ...issuesMethods,
  ...attachmentsMethods,
  ...rollbackMethods,
  ...checksMethods,
  ...adhocCheckMethods,
  ...signoffMethods,
  ...syncMethods,
  ...dashboardMethods,
  ...siteReportMethods,
  ...closeoutMethods,
  ...reviewMethods,
  ...trainingMethods,
  ...targetImportMethods,
  ...siteImportMethods,
  ...scheduleMethods,
  ...calendarMethods,
  ...bulkEditMethods,
  ...planTemplateMethods,
  ...desktopMethods,
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
/** What a caller passes (defaults may be omitted). */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
/** What a handler receives after parsing (defaults applied). */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

/** Both ways: every contract method is in the name list and every listed name is a method. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: SameKeys<ApiMethodName, ApiMethod> = true;
void namesMatchContract;

export const API_METHODS: readonly ApiMethod[] = API_METHOD_NAMES;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
}

export * from './errors';
export type { AppInfo } from './app-methods';
export type { InventoryFilter } from './inventory-methods';
