import type { TFunction } from 'i18next';
import { componentKindSchema, componentScopeSchema, checklistPhaseSchema, inventoryStateSchema } from '../domain/enums';
import { signOffDecisionSchema } from '../domain/signoff';
import type { OwnerCatalog } from './catalogs';

/**
 * The words of a sign-off review in the owner's language, for the screen and the PDF alike. The
 * review keeps some values as plain text (a phase, an inventory state): a known value is
 * translated, anything else is shown as it is.
 */
type OwnerT = TFunction<'owner'>;

const known = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

export const columnKey = (column: keyof OwnerCatalog['review']['column']) => `review.column.${column}` as const;

export const phaseText = (t: OwnerT, phase: string) => (known(checklistPhaseSchema.options, phase) ? t(`review.phase.${phase}`) : phase);
export const stateText = (t: OwnerT, state: string) =>
  known(inventoryStateSchema.options, state) ? t(`review.inventoryState.${state}`) : state;
export const kindText = (t: OwnerT, kind: string) => (known(componentKindSchema.options, kind) ? t(`review.componentKind.${kind}`) : kind);
export const scopeText = (t: OwnerT, scope: string) =>
  known(componentScopeSchema.options, scope) ? t(`review.componentScope.${scope}`) : scope;
export const decisionText = (t: OwnerT, decision: string) =>
  known(signOffDecisionSchema.options, decision) ? t(`signoff.decision.${decision}`) : decision;
