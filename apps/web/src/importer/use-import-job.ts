import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints.js';
import { TERMINAL_STATUSES } from './import-model.js';

/** Polls an import job every 500 ms until it ends (then calls `onFinished` once), and cancels it on request. */
export function useImportJob(jobId: string, onFinished: () => void) {
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const job = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => endpoints.imports.status(jobId),
    refetchInterval: (query) => (TERMINAL_STATUSES.has(query.state.data?.status ?? '') ? false : 500),
    staleTime: 0,
  });
  const status = job.data;
  const finished = status ? TERMINAL_STATUSES.has(status.status) : false;
  const finishedRef = useRef(false);
  useEffect(() => {
    if (finished && !finishedRef.current) {
      finishedRef.current = true;
      onFinished();
    }
  }, [finished, onFinished]);

  const cancel = async () => {
    setCancelling(true);
    setCancelError(null);
    try {
      await endpoints.imports.cancel(jobId);
      await job.refetch();
    } catch (error) {
      setCancelError(error);
    } finally {
      setCancelling(false);
    }
  };

  return { job, status, finished, cancel, cancelling, cancelError };
}
