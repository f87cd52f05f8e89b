import { Progress, Text } from '@mantine/core';
import type { Reconciliation } from '../../../shared/domain/inventory';
import { percent } from '../../format/time';
import classes from './ReconciliationBar.module.css';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const FIGURES: { key: keyof Reconciliation; label: string; color: string; alertWhenNonZero?: boolean }[] = [
  {
    key: 'expected',
    get label() {
      return appText('site.inventory.reconciliationBar.expected');
    },
    color: 'gray',
  },
  {
    key: 'received',
    get label() {
      return appText('site.inventory.reconciliationBar.received');
    },
    color: 'teal',
  },
  {
    key: 'missing',
    get label() {
      return appText('site.inventory.reconciliationBar.missing');
    },
    color: 'red',
    alertWhenNonZero: true,
  },
  {
    key: 'surplus',
    get label() {
      return appText('site.inventory.reconciliationBar.surplus');
    },
    color: 'grape',
    alertWhenNonZero: true,
  },
  {
    key: 'damaged',
    get label() {
      return appText('site.inventory.reconciliationBar.damaged');
    },
    color: 'orange',
    alertWhenNonZero: true,
  },
];

/** Expected vs found at a glance; always on top of the inventory. Each figure's element holds just the number. */
export function ReconciliationBar({ value }: { value: Reconciliation | undefined }) {
  const t = useText();
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
          {t('site.inventory.reconciliationBar.ofExpectedItemsReceived', {
            received: received.toLocaleString(),
            expected: expected.toLocaleString(),
            pct,
          })}
        </Text>
        <Progress
          value={pct}
          color={pct === 100 ? 'teal' : 'blue'}
          size="md"
          aria-label={t('site.inventory.reconciliationBar.expectedItemsReceived')}
        />
      </div>
    </div>
  );
}
