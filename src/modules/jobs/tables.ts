import type { Generated } from 'kysely';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobsTables {
  jobs: {
    id: Generated<number>;
    name: string;
    /** JSON of the handler's payload. */
    payload: string;
    /** Epoch ms at or after which the job may run. */
    run_at: number;
    status: JobStatus;
    attempts: number;
    max_attempts: number;
    /** While running: when the claim lapses and another worker may take the job over. */
    locked_until: number | null;
    /** Optional identity: at most one pending or running job per key (e.g. "publish:article:42"). */
    key: string | null;
    last_error: string | null;
    created_at: number;
    finished_at: number | null;
  };
}
