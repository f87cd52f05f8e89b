import type { z } from 'zod';
import type { componentKindSchema, componentScopeSchema } from '../../../shared/domain/enums';

export type {
  ChecklistItemState,
  ChecklistPhase,
  DeploymentStatus,
  EvidenceKind,
  InventoryState,
  Role,
  SiteStatus,
} from '../../../shared/domain/enums';
export type ComponentKind = z.infer<typeof componentKindSchema>;
export type ComponentScope = z.infer<typeof componentScopeSchema>;
