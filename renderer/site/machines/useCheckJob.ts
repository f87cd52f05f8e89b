import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput } from '../../../shared/contract';
import type { CheckJobStatus } from '../../../shared/domain/check-run';
import { call } from '../../api/client';
import { showApiError } from '../../api/notify';
import { bumpTopics } from '../../api/refresh';
import { useMutation } from '../../api/useMutation';
import { appText } from '../../i18n/app-text';

const POLL_MS = 300;

/**
 * Starts a check job (through the mutation hook) and polls its status until it ends. The job runs
 * in the background and stores each host's run as it finishes, so the poll, not the start, refreshes
 * the machines.
 */
export function useCheckJob(onFinished: (status: CheckJobStatus) => void) {
  const mutation = useMutation();
  const [status, setStatus] = useState<CheckJobStatus | null>(null);
  const [active, setActive] = useState(false);
  const timer = useRef<number | null>(null);
  const finished = useRef(onFinished);
  const doneSeen = useRef(0);
  // The job being followed, known as soon as the start answers (before the first status), and a
  // Cancel pressed before that answer, sent as soon as the id is known.
  const jobId = useRef<string | null>(null);
  const cancelAsked = useRef(false);
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
    async (request: () => Promise<{ jobId: string } | null>) => {
      stop();
      setActive(true);
      // The last job's "finished" goes at once: what shows from here on is this job's.
      setStatus(null);
      doneSeen.current = 0;
      jobId.current = null;
      cancelAsked.current = false;
      const started = await request();
      if (!started) {
        setActive(false);
        return;
      }
      jobId.current = started.jobId;
      if (cancelAsked.current) await mutation.run('checks.cancel', { jobId: started.jobId });
      poll(started.jobId);
    },
    [poll, mutation.run],
  );

  const start = useCallback(
    (method: 'checks.start' | 'checks.checkThisMachine', input: ApiInput<'checks.start'> | ApiInput<'checks.checkThisMachine'>) =>
      launch(() =>
        method === 'checks.start'
          ? mutation.run('checks.start', input as ApiInput<'checks.start'>, { errorTitle: appText('site.machines.useCheckJob.notStarted') })
          : mutation.run('checks.checkThisMachine', input as ApiInput<'checks.checkThisMachine'>, {
              errorTitle: appText('site.machines.useCheckJob.notStarted'),
            }),
      ),
    [launch, mutation.run],
  );

  /** Checks the interrupted machines of a job cut short by a crash or restart, in that job. */
  const retry = useCallback(
    (jobId: string) =>
      launch(() => mutation.run('checks.retryInterrupted', { jobId }, { errorTitle: appText('site.machines.useCheckJob.notStarted') })),
    [launch, mutation.run],
  );

  const cancel = useCallback(async () => {
    if (jobId.current === null) {
      cancelAsked.current = true; // the start has not answered yet
      return;
    }
    await mutation.run('checks.cancel', { jobId: jobId.current });
  }, [mutation.run]);

  return { status, running: active, start, retry, cancel };
}
