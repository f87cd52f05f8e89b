import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiResult } from '../../../shared/contract';
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

  /** Starts (or restarts) a job with `request` and follows it. */
  const launch = useCallback(
    async (request: () => Promise<ApiResult<{ jobId: string }>>) => {
      stop();
      setActive(true);
      // The last job's "finished" goes at once: what shows from here on is this job's.
      setStatus(null);
      doneSeen.current = 0;
      const result = await request();
      if (!result.ok) {
        showApiError(result.error, 'Check not started');
        setActive(false);
        return;
      }
      poll(result.value.jobId);
    },
    [poll],
  );

  const start = useCallback(
    (method: 'checks.start' | 'checks.checkThisMachine', input: ApiInput<'checks.start'> | ApiInput<'checks.checkThisMachine'>) =>
      launch(() => (method === 'checks.start' ? call('checks.start', input as ApiInput<'checks.start'>) : call('checks.checkThisMachine', input as ApiInput<'checks.checkThisMachine'>))),
    [launch],
  );

  /** Checks the interrupted machines of a job cut short by a crash or restart, in that job. */
  const retry = useCallback((jobId: string) => launch(() => call('checks.retryInterrupted', { jobId })), [launch]);

  const cancel = useCallback(async () => {
    if (!status) return;
    const result = await call('checks.cancel', { jobId: status.jobId });
    if (!result.ok) showApiError(result.error);
  }, [status]);

  return { status, running: active, start, retry, cancel };
}
