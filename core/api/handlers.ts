import { createAppUpdateHandlers } from '../app-updates/app-update-handlers';
import type { ApiContract, ApiMethod, ApiOutput, ApiParsedInput } from '../../shared/contract';
import { createComponent, updateComponent } from '../authoring/component-authoring';
import { deleteTemplateItem, getChecklistTemplate, saveTemplateItem } from '../authoring/checklist-template-authoring';
import { updateDeployment } from '../authoring/deployment-authoring';
import { createMachine, deleteMachine, updateMachine } from '../authoring/machine-authoring';
import { createRequirement, deleteRequirement } from '../authoring/requirement-authoring';
import { updateSite } from '../authoring/site-authoring';
import { applyTemplateToSite } from '../authoring/template-apply';
import { createWave, deleteWave, updateWave } from '../authoring/wave-authoring';
import type { CheckParts } from '../checks/jobs/check-collectors';
import { createCheckJobs, type CheckJobs } from '../checks/jobs/check-jobs';
import { createChecksHandlers } from '../checks/jobs/checks-handlers';
import { recordAdhocRuns } from '../checks/adhoc/record-adhoc-runs';
import { createCloseoutHandlers } from '../closeout/closeout-handlers';
import { signWithCloseoutRules } from '../closeout/milestone-guard';
import { getPostDeploymentReview, savePostDeploymentReview } from '../closeout/review-service';
import { defaultCheckParts } from '../checks/jobs/default-check-parts';
import { getDashboard } from '../dashboard/dashboard-service';
import { readNotificationSettings, writeNotificationSettings } from '../preferences/notification-settings-store';
import { decideWave } from '../dashboard/wave-decisions';
import { createInventoryImportHandlers } from '../inventory-import/import-handlers';
import { createLabelsHandlers } from '../labels/labels-handlers';
import { ImportStore } from '../inventory-import/import-store';
import { createScheduleHandlers } from '../schedule/schedule-handlers';
import { createCalendarHandlers } from '../calendar/calendar-handlers';
import { createBulkEditHandlers } from '../bulk-edit/bulk-edit-handlers';
import { createPlanTemplateHandlers } from '../plan-template/plan-template-handlers';
import { createSiteReportHandlers } from '../site-report/site-report-handlers';
import { getAttachment, putAttachment } from '../services/attachment-service';
import { openSampleDeployment } from '../sample/open-sample-deployment';
import {
  attachChecklistPhoto,
  completeChecklistPhase,
  getChecklist,
  linkChecklistCheckRun,
  setChecklistItemState,
} from '../services/checklist-service';
import { createDeployment, getDeployment, listDeployments } from '../services/deployment-service';
import { searchDeploymentInventory } from '../services/inventory-deployment-search';
import { inventoryReconciliation, listInventory } from '../services/inventory-query';
import { receiveSerial, recordSurplus, setInventoryState } from '../services/inventory-receive';
import { attachItemPhoto, listItemPhotos } from '../services/inventory-photos';
import { assignIssue, commentIssue, escalateIssue, setIssueStatus } from '../services/issue-changes';
import { setIssueImpact } from '../services/issue-impact';
import { createIssue, getIssue, issueSummary, listIssues } from '../services/issue-service';
import { listMachines } from '../services/machine-service';
import { getProfile, setProfile } from '../services/profile-service';
import { importGossRequirements, listRequirements } from '../services/requirement-service';
import { exportGossRequirements } from '../services/requirement-export';
import { listSiteRollbacks, rollbackSite } from '../services/rollback-service';
import { changedSinceSignOff, exportSheetPdf, getSheet, listSheets, reviewSignOff } from '../signoff/signoff-service';
import type { ServiceContext } from '../services/service-context';
import { createSite, getSiteSummary, listSites, setSiteStatusByHand } from '../services/site-service';
import { createSyncHandlers } from '../sync/sync-handlers';
import { createTrainingHandlers } from '../training/training-handlers';
import { createTargetImportHandlers } from '../target-import/target-import-handlers';
import { createSiteImportHandlers } from '../site-import/site-import-handlers';
import type { SyncEngine } from '../sync/sync-engine';

export interface HandlerEnvironment {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  shell: 'electron' | 'browser' | 'test';
  /** Collectors and evaluator for check jobs (tests of the runner's bookkeeping may pass fakes). */
  checkParts?: CheckParts;
  /** The core's check jobs, so closing the core can cancel them; made here when not given. */
  checkJobs?: CheckJobs;
  /** The core's sync engine (sign-in, push and pull with the central server). */
  sync: SyncEngine;
}

/** Action methods (`async: true` in the contract) return a promise and manage their own transactions. */
export type Handlers = {
  [M in ApiMethod]: (
    ctx: ServiceContext,
    input: ApiParsedInput<M>,
  ) => ApiContract[M] extends { async: true } ? Promise<ApiOutput<M>> : ApiOutput<M>;
};

/** Every contract method bound to its service. The compiler refuses a method without a handler. */
export function createHandlers(env: HandlerEnvironment): Handlers {
  const importStore = new ImportStore();
  return {
    'app.info': (ctx) => ({
      version: env.appVersion,
      schemaVersion: env.schemaVersion,
      dataDir: env.dataDir,
      shell: env.shell,
      secretStorage: { backend: ctx.secrets.backend, weak: ctx.secrets.weak },
    }),
    'profile.get': (ctx) => getProfile(ctx.db),
    'profile.set': (ctx, input) => setProfile(ctx.db, ctx.clock, input),
    'sample.open': (ctx) => openSampleDeployment(ctx, env.dataDir),
    'notifications.get': () => readNotificationSettings(env.dataDir, env.shell),
    'notifications.set': (_ctx, input) => writeNotificationSettings(env.dataDir, input),
    'deployments.list': (ctx) => listDeployments(ctx),
    'deployments.get': getDeployment,
    'deployments.create': createDeployment,
    'sites.list': listSites,
    'sites.get': getSiteSummary,
    'sites.create': createSite,
    'sites.setStatus': setSiteStatusByHand,
    'deployments.update': updateDeployment,
    'waves.create': createWave,
    'waves.update': updateWave,
    'waves.delete': deleteWave,
    'sites.update': updateSite,
    'components.create': createComponent,
    'components.update': updateComponent,
    'machines.create': createMachine,
    'machines.update': updateMachine,
    'machines.delete': deleteMachine,
    'requirements.create': createRequirement,
    'requirements.delete': deleteRequirement,
    'checklistTemplate.get': getChecklistTemplate,
    'checklistTemplate.saveItem': saveTemplateItem,
    'checklistTemplate.deleteItem': deleteTemplateItem,
    'checklistTemplate.applyToSite': applyTemplateToSite,
    'machines.list': listMachines,
    'requirements.list': listRequirements,
    'requirements.importGoss': importGossRequirements,
    'requirements.exportGoss': exportGossRequirements,
    'inventory.list': listInventory,
    'inventory.searchDeployment': searchDeploymentInventory,
    'inventory.reconciliation': inventoryReconciliation,
    'inventory.receive': receiveSerial,
    'inventory.recordSurplus': recordSurplus,
    'inventory.setState': setInventoryState,
    'inventory.photos': listItemPhotos,
    'inventory.attachPhoto': attachItemPhoto,
    ...createInventoryImportHandlers(importStore),
    ...createLabelsHandlers(),
    'checklist.get': getChecklist,
    'checklist.setItemState': setChecklistItemState,
    'checklist.linkCheckRun': linkChecklistCheckRun,
    'checklist.attachPhoto': attachChecklistPhoto,
    'checklist.completePhase': completeChecklistPhase,
    ...createChecksHandlers(env.checkJobs ?? createCheckJobs(env.checkParts ?? defaultCheckParts)),
    'adhocChecks.record': recordAdhocRuns,
    'issues.list': listIssues,
    'issues.get': getIssue,
    'issues.create': createIssue,
    'issues.comment': commentIssue,
    'issues.assign': assignIssue,
    'issues.setStatus': setIssueStatus,
    'issues.escalate': escalateIssue,
    'issues.setImpact': setIssueImpact,
    'issues.summary': issueSummary,
    'attachments.put': (ctx, input) => putAttachment(ctx, env.dataDir, input),
    'attachments.get': (ctx, input) => getAttachment(ctx, env.dataDir, input),
    'sites.rollback': rollbackSite,
    'sites.rollbacks': listSiteRollbacks,
    'dashboard.get': getDashboard,
    'waves.decide': decideWave,
    'signoff.review': reviewSignOff,
    'signoff.changed': changedSinceSignOff,
    'signoff.sign': (ctx, input) => signWithCloseoutRules(ctx, env.dataDir, input),
    'signoff.list': listSheets,
    'signoff.get': getSheet,
    'signoff.exportPdf': (ctx, input) => exportSheetPdf(ctx, env.dataDir, input),
    ...createSyncHandlers(env.sync, env.schemaVersion),
    ...createAppUpdateHandlers(env.sync),
    ...createCloseoutHandlers(),
    'closeout.review': getPostDeploymentReview,
    'closeout.saveReview': savePostDeploymentReview,
    ...createTrainingHandlers(env.dataDir),
    ...createTargetImportHandlers(),
    ...createSiteImportHandlers(),
    ...createScheduleHandlers(),
    ...createCalendarHandlers(),
    ...createBulkEditHandlers(),
    ...createPlanTemplateHandlers(),
    ...createSiteReportHandlers({ dataDir: env.dataDir, schemaVersion: env.schemaVersion, sync: env.sync, uploads: importStore }),
  };
}
