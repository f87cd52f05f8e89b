import type { Progress } from '../../shared/domain/site';
import { percent } from '../format/time';
import classes from './Navigator.module.css';
import { useText } from '../i18n/i18n';

/** A thin bar with "done/total", light enough for hundreds of rows. */
export function MiniProgress({ label, progress, color }: { label: string; progress: Progress; color: string }) {
  const t = useText();
  const pct = percent(progress.done, progress.total);
  const complete = progress.total > 0 && progress.done >= progress.total;
  return (
    <div className={classes.bar} title={t('navigator.miniProgress.of', { label, done: progress.done, total: progress.total, pct })}>
      <span>{label}</span>
      <div className={classes.track}>
        <div
          className={classes.fill}
          style={{ width: `${pct}%`, background: `var(--mantine-color-${complete ? 'teal' : color}-filled)` }}
        />
      </div>
      <span>
        {progress.done}/{progress.total}
      </span>
    </div>
  );
}
