/** Output is written to a fresh folder and swapped into place only when everything succeeded. */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runPipeline, type PipelineResult } from './run-pipeline.js';

export const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, '.build');

/** A new empty folder beside the outputs (same file system, so the final rename is cheap). */
export function freshDirectory(prefix: string): string {
  mkdirSync(WORK, { recursive: true });
  return mkdtempSync(join(WORK, `${prefix}-`));
}

/** Replaces `target` by `fresh`; the old target is removed only after the new one is in place. */
export function replaceDirectory(fresh: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const old = `${fresh}.old`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
}

export function discard(fresh: string): void {
  rmSync(fresh, { recursive: true, force: true });
}

/** Runs the pipeline into a fresh folder and swaps it into `target` only if it succeeds (or throws, changing nothing). */
export async function publishData(rawDir: string, target: string): Promise<PipelineResult> {
  const out = freshDirectory('data');
  try {
    const result = await runPipeline(rawDir, out);
    replaceDirectory(out, target);
    return result;
  } catch (error) {
    discard(out);
    throw error;
  }
}
