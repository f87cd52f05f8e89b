import { Progress, Text } from '@mantine/core';
import type { Reconciliation } from '../../../shared/domain/inventory';
import { percent } from '../../format/time';
import classes from './ReconciliationBar.module.css';

const FIGURES: { key: keyof Reconciliation; label: string; color: string; alertWhenNonZero?: boolean }[] = [
  { key: 'expected', label: 'Expected', color: 'gray' },
  { key: 'received', label: 'Received', color: 'teal' },
  { key: 'missing', label: 'Missing', color: 'red', alertWhenNonZero: true },
  { key: 'surplus', label: 'Surplus', color: 'grape', alertWhenNonZero: true },
  { key: 'damaged', label: 'Damaged', color: 'orange', alertWhenNonZero: true },
];

/** Expected vs found at a glance; always on top of the inventory. Each figure's element holds just the number. */
export function ReconciliationBar({ value }: { value: Reconciliation | undefined }) {
  const received = value?.received ?? 0;
  const expected = value?.expected ?? 0;
  const pct = percent(received, expected);
  return (
    <div className={classes.bar} data-testid="reconciliation-bar">
      {FIGURES.map((f) => {
        const n = value?.[f.key];
        return (
          <div
            key={f.key}
            className={classes.figure}
            style={{ '--accent': n && f.alertWhenNonZero ? `var(--mantine-color-${f.color}-filled)` : undefined } as React.CSSProperties}
          >
            <div className={classes.label}>{f.label}</div>
            <div
              className={classes.value}
              data-zero={n === 0 || undefined}
              style={n && f.alertWhenNonZero ? { color: `var(--mantine-color-${f.color}-text)` } : undefined}
              data-testid={`recon-${f.key}`}
            >
              {n ?? '–'}
            </div>
          </div>
        );
      })}
      <div className={classes.progress}>
        <Text size="xs" c="dimmed">
          {received.toLocaleString()} of {expected.toLocaleString()} expected items received · {pct}%
        </Text>
        <Progress value={pct} color={pct === 100 ? 'teal' : 'blue'} size="md" aria-label="Expected items received" />
      </div>
    </div>
  );
}
