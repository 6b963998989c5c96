/**
 * Runs a child process without blocking the test worker (a synchronous spawn that lasts a minute stops the worker
 * from answering Vitest, which then reports a timeout although the test is fine).
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../pipeline/paths.js';

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runProcess(command: string, args: string[], options: SpawnOptions = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The arguments that run scripts/<script> with Node as npm runs it (`node scripts/run.mjs scripts/<script>`): a
 * cached bundle, no TypeScript loader starting in every child. */
export const scriptArgs = (script: string): string[] => [
  join(ROOT, 'scripts', 'run.mjs'),
  join(ROOT, 'scripts', script),
];

/** Runs scripts/<script> as npm runs it, with these arguments. */
export const runScript = (script: string, args: string[], options: SpawnOptions = {}): Promise<Finished> =>
  runProcess(process.execPath, [...scriptArgs(script), ...args], options);
