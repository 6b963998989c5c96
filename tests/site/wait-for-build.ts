/**
 * Run before each site test file: waits until the site build of this run (tests/site/global-setup.ts) has
 * finished, and fails the file with the build's own message if it failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

const status = inject('siteBuildStatus');
while (!existsSync(status)) await sleep(200);
const outcome = readFileSync(status, 'utf8');
if (outcome !== 'ok') throw new Error(outcome);
