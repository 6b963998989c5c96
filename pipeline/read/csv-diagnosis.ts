/**
 * Why a CSV file cannot be read as the comma-separated UTF-8 table it should be, said plainly: a UTF-16 or UTF-32
 * file, Excel's "sep=," first line, or line endings that change within the file. Each would otherwise surface as
 * a misleading problem further on (invalid UTF-8, or a row with too many fields).
 */
export interface CsvDiagnosis {
  message: string;
  row?: number;
}

/** The text encoding of a file that is not UTF-8 but announces or betrays another Unicode encoding. */
export function unicodeEncodingProblem(bytes: Uint8Array): CsvDiagnosis | undefined {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  const named = starts(0xff, 0xfe, 0, 0)
    ? 'UTF-32 (little-endian)'
    : starts(0, 0, 0xfe, 0xff)
      ? 'UTF-32 (big-endian)'
      : starts(0xff, 0xfe)
        ? 'UTF-16 (little-endian)'
        : starts(0xfe, 0xff)
          ? 'UTF-16 (big-endian)'
          : undefined;
  // Without a byte-order mark, UTF-16 text of Latin letters has a zero byte in every other position.
  const sample = bytes.subarray(0, 200);
  const zeros = (parity: number) => sample.filter((b, i) => i % 2 === parity && b === 0).length;
  const guessed =
    sample.length >= 8 && zeros(1) > sample.length / 4
      ? 'UTF-16 (little-endian)'
      : sample.length >= 8 && zeros(0) > sample.length / 4
        ? 'UTF-16 (big-endian)'
        : undefined;
  const encoding = named ?? guessed;
  return encoding
    ? { message: `is ${encoding} text, not UTF-8 (Excel's "Unicode text"): save it as "CSV UTF-8"`, row: 1 }
    : undefined;
}

/** A first line or line endings that would split the table's rows wrongly. */
export function csvShapeProblem(text: string): CsvDiagnosis | undefined {
  const first = /^[^\r\n]*/.exec(text)![0];
  if (/^sep=.?\s*$/i.test(first)) {
    return {
      message: `starts with Excel's "${first.trim()}" line, which is not part of the table: delete that first line (the header must be the first row)`,
      row: 1,
    };
  }
  const endings = [...text.matchAll(/\r\n|\r|\n/g)];
  const kind = (e: string) => (e === '\r\n' ? 'CRLF' : e === '\r' ? 'CR' : 'LF');
  const odd = endings.findIndex((e) => e[0] !== endings[0][0]);
  if (odd > 0) {
    return {
      message: `mixes line endings (${kind(endings[0][0])} on the first lines, ${kind(endings[odd][0])} from line ${odd + 1}), so its rows cannot be split reliably: save it again with one kind of line ending`,
      row: odd + 1,
    };
  }
  return undefined;
}
