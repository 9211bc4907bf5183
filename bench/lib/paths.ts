/** Where things are: the repository, the compiled app the bench measures, and its own scratch space. */
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'latest.json');
/** Generated databases survive between runs here, keyed by version, so reruns skip generation. */
export const CACHE_DIR = path.join(os.tmpdir(), 'structurecms-bench-cache');
