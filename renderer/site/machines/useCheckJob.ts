import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput } from '../../../shared/contract';
import type { CheckJobStatus } from '../../../shared/domain/check-run';
import { call } from '../../api/client';
import { showApiError } from '../../api/notify';
import { bumpTopics } from '../../api/refresh';

const POLL_MS = 300;

/** Starts a check job and polls its status until it ends; then refreshes the machines. */
export function useCheckJob(onFinished: (status: CheckJobStatus) => void) {
  const [status, setStatus] = useState<CheckJobStatus | null>(null);
  const [active, setActive] = useState(false);
  const timer = useRef<number | null>(null);
  const finished = useRef(onFinished);
  const doneSeen = useRef(0);
  finished.current = onFinished;

  const stop = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  const poll = useCallback((jobId: string) => {
    void call('checks.status', { jobId }).then((result) => {
      if (!result.ok) {
        showApiError(result.error);
        setActive(false);
        return;
      }
      setStatus(result.value);
      // Show each host's stored result as soon as it is written, not only at the end.
      if (result.value.progress.done > doneSeen.current) {
        doneSeen.current = result.value.progress.done;
        if (result.value.state === 'running') bumpTopics('machines');
      }
      if (result.value.state === 'running') {
        timer.current = window.setTimeout(() => poll(jobId), POLL_MS);
      } else {
        setActive(false);
        bumpTopics('machines');
        finished.current(result.value);
      }
    });
  }, []);

  const start = useCallback(
    async (method: 'checks.start' | 'checks.checkThisMachine', input: ApiInput<'checks.start'> | ApiInput<'checks.checkThisMachine'>) => {
      stop();
      setActive(true);
      // The last job's "finished" goes at once: what shows from here on is this job's.
      setStatus(null);
      doneSeen.current = 0;
      const result = method === 'checks.start' ? await call('checks.start', input as ApiInput<'checks.start'>) : await call('checks.checkThisMachine', input as ApiInput<'checks.checkThisMachine'>);
      if (!result.ok) {
        showApiError(result.error, 'Check not started');
        setActive(false);
        return;
      }
      poll(result.value.jobId);
    },
    [poll],
  );

  const cancel = useCallback(async () => {
    if (!status) return;
    const result = await call('checks.cancel', { jobId: status.jobId });
    if (!result.ok) showApiError(result.error);
  }, [status]);

  return { status, running: active, start, cancel };
}
