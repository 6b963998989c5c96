/**
 * Publishing an output folder (dist/, or the datasets alone) so that it is never seen missing or half-written, one
 * run at a time, and recovers from a run that was killed.
 *
 * `target` is a symbolic link to a complete version in `.<name>.versions/` beside it. A run takes the lock
 * (`.<name>.versions/lock`), writes into a fresh work folder there, renames the finished folder to a new version
 * and then points `target` at it by renaming a new link over the old one: rename(2) replaces the link atomically,
 * so a reader sees the old version or the new one, never neither. The version shown before stays until the next
 * run, which removes it and the leftovers of killed runs while it works (deleting a whole site takes seconds on
 * some disks: a run should not wait for it), restores `target` if it is missing, and takes over a lock whose
 * holder is no longer running.
 */
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isAlive } from '../process-alive.js';
import { runPipeline, type PipelineOptions, type PipelineResult } from '../run-pipeline.js';
import { ROOT } from '../paths.js';

/** Thrown when another run holds the lock: this run changed nothing, and says so without claiming more. */
export class PublishLockedError extends Error {}

interface Holder {
  pid: number;
  host: string;
  started: string;
  processStart?: string;
}

const versionsOf = (target: string) => join(dirname(target), `.${basename(target)}.versions`);
const shown = (path: string) => (path.startsWith(ROOT + '/') ? relative(ROOT, path) + '/' : path);

/** When a process started (Linux /proc), so that a recycled pid is not taken for the lock's holder. */
function processStart(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ')[19];
  } catch {
    return undefined;
  }
}

function isRunning(holder: Holder): boolean {
  if (holder.host !== hostname()) return true; // another machine's run: it cannot be checked from here
  if (!isAlive(holder.pid)) return false;
  return (
    holder.processStart === undefined ||
    processStart(holder.pid) === undefined ||
    processStart(holder.pid) === holder.processStart
  );
}

function readHolder(text: string): Holder | undefined {
  try {
    const holder = JSON.parse(text) as Holder;
    return typeof holder.pid === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

interface Lock {
  held: () => boolean;
  release: () => void;
}

/**
 * Takes the lock of `target`, or throws PublishLockedError naming the run that holds it. The lock file is written
 * aside and hard-linked into place (link(2) fails if it exists), so it is never seen empty or half-written.
 */
function acquireLock(target: string): Lock {
  const versions = versionsOf(target);
  mkdirSync(versions, { recursive: true });
  chmodSync(versions, 0o755);
  const lock = join(versions, 'lock');
  const token = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    processStart: processStart(process.pid),
  } satisfies Holder);
  const mine = `${lock}.${process.pid}`;
  writeFileSync(mine, token);
  const held = () => {
    try {
      return readFileSync(lock, 'utf8') === token;
    } catch {
      return false;
    }
  };
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, lock);
        return { held, release: () => held() && rmSync(lock) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const text = readFileSync(lock, { encoding: 'utf8', flag: 'r' });
      const holder = readHolder(text);
      if (holder && isRunning(holder)) {
        throw new PublishLockedError(
          `another run (pid ${holder.pid}, started ${holder.started}) is publishing to ${shown(target)}; this run did nothing. ` +
            'Wait for it to finish and run again (a lock left by a run that was killed is taken over automatically)',
        );
      }
      // The holder is gone: move its lock aside (only one run can), and put it back if it turns out to be a live one.
      const aside = `${lock}.stale-${process.pid}`;
      try {
        renameSync(lock, aside);
      } catch {
        continue;
      }
      if (readFileSync(aside, 'utf8') !== text) {
        try {
          linkSync(aside, lock);
        } catch {
          // Another run took the lock meanwhile; the displaced one notices before it publishes (held() is false).
        }
      }
      rmSync(aside);
    }
  } finally {
    rmSync(mine, { force: true });
  }
  throw new PublishLockedError(`could not take the lock ${shown(lock)}; other runs keep taking it: try again`);
}

/** Points `target` at `version` (a folder in the versions folder) by renaming a new link over it. */
function pointAt(target: string, version: string): void {
  const link = join(dirname(target), `.${basename(target)}.link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(target), version), link);
  renameSync(link, target);
}

let versionsMade = 0;

/** A new version's folder: its name sorts by time, and is unique to this process. */
function newVersion(versions: string): string {
  return join(versions, `v${String(Date.now()).padStart(15, '0')}-${process.pid}-${versionsMade++}`);
}

/** The version `target` points at, if it is a link into its versions folder. */
function currentVersion(target: string): string | undefined {
  try {
    const version = resolve(dirname(target), readlinkSync(target));
    return dirname(version) === versionsOf(target) && statSync(version).isDirectory() ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The former way of publishing renamed dist/ (or dist/data/) aside into .build/ before renaming the new one in; a
 * run killed between the two renames left the only copy there. Put such a copy back where it was.
 */
function restoreFormerCopies(target: string): string[] {
  const work = join(dirname(target), '.build');
  if (basename(target) !== 'dist' || !existsSync(work)) return [];
  const newest = (pattern: RegExp, inner: string) =>
    readdirSync(work)
      .filter((n) => pattern.test(n))
      .map((n) => join(work, n, inner))
      .filter((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory())
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  const notes: string[] = [];
  const site = newest(/^build-/, 'site.old');
  if (!lstatSync(target, { throwIfNoEntry: false }) && site) {
    renameSync(site, target);
    notes.push(`${shown(target)} was missing; restored the copy a killed build left in ${shown(dirname(site))}`);
  }
  const data = newest(/^data-.*\.old$/, '');
  if (lstatSync(target, { throwIfNoEntry: false })?.isDirectory() && !existsSync(join(target, 'data')) && data) {
    renameSync(data, join(target, 'data'));
    notes.push(
      `${shown(join(target, 'data'))} was missing; restored the copy a killed pipeline run left in ${shown(data)}`,
    );
  }
  return notes;
}

/**
 * Brings `target` back after a killed run (the lock is held): returns what to tell, and the folders in the versions
 * folder that are no longer needed (every version but the one shown, and what killed runs left) for the caller to
 * remove.
 */
function recover(target: string): { notes: string[]; stale: string[] } {
  const notes = restoreFormerCopies(target);
  const versions = versionsOf(target);
  const stat = lstatSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    // A folder published before versions were kept: it becomes the first version.
    const version = newVersion(versions);
    renameSync(target, version);
    pointAt(target, version);
  } else if (!currentVersion(target) && (!stat || !statSync(target, { throwIfNoEntry: false }))) {
    // Only a run killed while turning a folder into a version leaves it missing: restore the last version.
    const kept = readdirSync(versions)
      .filter((n) => n.startsWith('v'))
      .sort()
      .at(-1);
    if (kept) {
      pointAt(target, join(versions, kept));
      notes.push(`${shown(target)} was missing; restored its last complete version`);
    }
  }
  const current = currentVersion(target);
  const stale: string[] = [];
  for (const name of readdirSync(versions)) {
    const path = join(versions, name);
    // lock.<pid> and lock.stale-<pid> belong to a run taking the lock right now, unless that run is dead.
    const taker = /^lock\.(?:stale-)?(\d+)$/.exec(name);
    if (taker && isAlive(Number(taker[1]))) continue;
    if (name === 'lock' || path === current) continue;
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) stale.push(path);
    else rmSync(path, { force: true });
  }
  for (const name of readdirSync(dirname(target))) {
    if (name.startsWith(`.${basename(target)}.link-`)) rmSync(join(dirname(target), name), { force: true });
  }
  return { notes, stale };
}

/** Directories 755 and files 644, whatever the umask and mkdtemp's 700: a web server must be able to read them. */
function makeReadable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeReadable(path);
    else if (entry.isFile()) chmodSync(path, 0o644);
  }
}

/**
 * Publishes what `write` produces into `target`: `write` gets an empty work folder and returns the folder to
 * publish (the work folder or one inside it). If `write` throws, `target` is left exactly as it was.
 */
export async function publish(
  target: string,
  write: (work: string) => Promise<string>,
  log: (line: string) => void = () => {},
): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  const lock = acquireLock(target);
  try {
    const { notes, stale } = recover(target);
    for (const note of notes) log(note);
    const removed = Promise.all(
      stale.map((path) =>
        rm(path, { recursive: true, force: true }).catch((error: Error) =>
          log(`could not remove ${shown(path)} (the next run tries again): ${error.message}`),
        ),
      ),
    );
    const versions = versionsOf(target);
    const work = mkdtempSync(join(versions, 'work-'));
    try {
      const output = await write(work);
      makeReadable(output);
      if (!lock.held())
        throw new PublishLockedError(
          `another run took over the lock of ${shown(target)} while this one was working; this run published nothing`,
        );
      const version = newVersion(versions);
      renameSync(output, version);
      pointAt(target, version);
    } finally {
      await removed;
      rmSync(work, { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}

/** Runs the pipeline and publishes its datasets into `target` only if it succeeds (or throws, changing nothing). */
export async function publishData(
  rawDir: string,
  target: string,
  log?: (line: string) => void,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  let result: PipelineResult | undefined;
  await publish(
    target,
    async (work) => {
      result = await runPipeline(rawDir, work, options);
      return work;
    },
    log,
  );
  return result!;
}
