/** What other modules may use of the job queue. */
export { jobsMigrations } from './migrations.js';
export type { JobsTables, JobStatus } from './tables.js';
export { createJobQueue, type JobQueue, type JobHandler, type JobContext, type JobOptions, type EnqueueOptions, type JobRecord } from './queue.js';
