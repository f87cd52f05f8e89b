import { Spoiler } from '@mantine/core';

/** Long text (a note, a reason) shows its first few lines with "Show more"; short text shows whole. */
export function CollapsibleText({ children, lines = 4, className }: { children: string; lines?: number; className?: string }) {
  return (
    <Spoiler
      maxHeight={lines * 18}
      showLabel="Show more"
      hideLabel="Show less"
      className={className}
      data-testid="collapsible-text"
      styles={{ control: { fontSize: 12 } }}
    >
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: '18px' }}>{children}</div>
    </Spoiler>
  );
}
