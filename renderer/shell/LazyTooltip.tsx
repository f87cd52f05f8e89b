import type { ReactElement } from 'react';
import { AfterFirstScreen } from './AfterFirstScreen';
import { TooltipPart } from './kit-parts';

/**
 * Mantine's Tooltip for the first screen's few tooltips: the element shows at once, its tooltip
 * (and the positioning library under it) joins with the rest of the kit.
 */
export function LazyTooltip({ label, children }: { label: string; children: ReactElement }) {
  return (
    <AfterFirstScreen fallback={children}>
      <TooltipPart label={label}>{children}</TooltipPart>
    </AfterFirstScreen>
  );
}
