/** Every folder the pipeline reads or writes. Other modules take their paths from here. */
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const RAW = join(ROOT, 'raw');
export const SCHEMAS = join(ROOT, 'schemas');
export const FRICTIONLESS_PROFILES = join(SCHEMAS, 'frictionless');
export const SQL_MODELS = join(ROOT, 'pipeline', 'sql');
/** The models of the build, run in this order. */
export const BUILD_MODELS = ['1_staging', '2_intermediate', '3_marts'].map((stage) => join(SQL_MODELS, stage));
/** The models of the release step (the diff with the recorded releases), run after the build's checks. */
export const RELEASE_MODELS = join(SQL_MODELS, '4_release');
/** The built site; the data package is its data/ folder. */
export const DIST = join(ROOT, 'dist');
/** Where `npm run pipeline` publishes the data package alone, so that it never replaces a built site. */
export const DATA_ONLY = join(ROOT, 'dist-data');
export const CACHE = join(ROOT, 'node_modules', '.cache', 'chiso');
