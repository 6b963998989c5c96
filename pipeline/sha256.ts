/** The sha256 of a file, read a megabyte at a time: a large dataset is never held whole to be hashed. */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';

/** One buffer for every file: allocating (and zeroing) a megabyte per file cost more than hashing a small one. */
const buffer = Buffer.allocUnsafe(1 << 20);

export function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** The same, reading without blocking: other work goes on between the reads. */
export async function fileSha256Async(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
