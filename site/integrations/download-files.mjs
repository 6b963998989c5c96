// Writes the site's files that are not pages (every chart's and every edition's download files, the preview images)
// in a process of its own (site/scripts/download-files.ts), so that it shares the machine's cores with Astro. The
// process starts with the build's configuration and loads its code while the pipeline may still be writing the
// datasets; it begins when they are there (pipeline-data.mjs), told so on its standard input. Its files are moved
// into <out> when the build is done. What the pages need from it is handed over as soon as it is ready: the charts'
// drawings, batch by batch, which the pages show instead of drawing them again (globalThis.chisoChartDrawing(key),
// see src/lib/charts/spec.ts chartDrawnBeforehand), and the edition files' sizes (globalThis.chisoEditionFileSizes,
// see src/lib/edition-file-sizes.ts).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive } from '../../pipeline/process-alive.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(args, logger, onLine, begin) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    // A process that has already stopped cannot be told; its exit status says why it stopped.
    child.stdin.on('error', () => {});
    begin.then(() => child.stdin.end('begin\n'));
    const stop = () => child.kill();
    process.once('exit', stop);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const lines = stdout.split('\n');
      stdout = lines.pop();
      for (const line of lines) {
        if (!line.startsWith('drawn: ')) logger.info(line);
        onLine(line);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      process.off('exit', stop);
      if (status === 0) resolve();
      else reject(new Error(`writing the download files failed (exit ${status}):\n${stderr}`));
    });
  });
}

/** Moves what is in `from` into `to`, beside what is there already (a folder in both is moved file by file). */
function moveInto(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory() && existsSync(target)) moveInto(source, target);
    else
      try {
        renameSync(source, target);
      } catch (error) {
        if (error.code !== 'EXDEV') throw error;
        cpSync(source, target, { recursive: true });
      }
  }
}

/** The drawings as they arrive: `drawing(key)` waits for one, and gives undefined when all came and it did not. */
function drawingsHandover() {
  const drawings = new Map();
  const waiting = new Map();
  let complete = false;
  return {
    drawing: (key) =>
      drawings.has(key) || complete
        ? Promise.resolve(drawings.get(key))
        : new Promise((resolve) => waiting.set(key, [...(waiting.get(key) ?? []), resolve])),
    add(list) {
      for (const [key, drawing] of list) {
        drawings.set(key, drawing);
        for (const resolve of waiting.get(key) ?? []) resolve(drawing);
        waiting.delete(key);
      }
    },
    finish() {
      complete = true;
      for (const resolves of waiting.values()) for (const resolve of resolves) resolve(undefined);
      waiting.clear();
    },
  };
}

/** A promise with its resolve and reject. */
function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  // Nothing may wait for it when the build stops first; its error is then the build's own.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

const WORK_PREFIX = 'chiso-downloads-';
const WORK_OF_PROCESS = new RegExp(`^${WORK_PREFIX}(\\d+)-`);

/** Removes the work folders of builds that are no longer running: a build stopped because the pipeline failed never
 * reaches astro:build:done. Each folder is named after its build's process. */
function removeStoppedBuildsWork(cache) {
  for (const name of readdirSync(cache)) {
    const pid = WORK_OF_PROCESS.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

export default function downloadFiles() {
  let work;
  let done;
  return {
    name: 'chiso-download-files',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const cache = join(ROOT, 'node_modules', '.cache');
        mkdirSync(cache, { recursive: true });
        removeStoppedBuildsWork(cache);
        work = mkdtempSync(join(cache, `${WORK_PREFIX}${process.pid}-`));
        const drawings = drawingsHandover();
        const sizes = deferred();
        globalThis.chisoChartDrawing = drawings.drawing;
        globalThis.chisoEditionFileSizes = sizes.promise;
        const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
        const onLine = (line) => {
          if (line.startsWith('drawn: ')) drawings.add(readJson(line.slice('drawn: '.length)));
          else if (line.startsWith('drawings: ')) drawings.finish();
          else if (line.startsWith('edition files: ')) sizes.resolve(readJson(join(work, 'edition-file-sizes.json')));
        };
        const script = [join(ROOT, 'scripts', 'run.mjs'), join(ROOT, 'site', 'scripts', 'download-files.ts')];
        const args = ['--max-semi-space-size=64', ...script, '--out', work];
        done = run(args, logger, onLine, globalThis.chisoDataReady);
        // A page left waiting draws its chart itself; the build fails with the process's error at the end.
        done.then(drawings.finish, drawings.finish);
        done.then(
          () => sizes.reject(new Error('the download files process handed over no edition file sizes')),
          sizes.reject,
        );
        done.catch(() => {});
      },
      'astro:build:done': async ({ dir }) => {
        try {
          await done;
          moveInto(join(work, 'site'), fileURLToPath(dir));
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      },
    },
  };
}
