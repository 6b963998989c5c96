// Each edition's table as people take it away, and its rows of observations.csv:
//   /files/editions/<index>-<year>.csv|.xlsx (Vietnamese) and <index>-<year>.en.csv|.en.xlsx (English): headers and
//   labels in words, UTF-8 with a byte-order mark so Excel reads the diacritics;
//   /files/editions/<index>-<year>-observations.csv: the dataset's columns, plain UTF-8 for programs.
import type { APIRoute, GetStaticPaths } from 'astro';
import { editions, type Lang } from '../../../lib/data';
import { files } from '../../../lib/routes';
import { observationsCsv, tableCsv } from '../../../lib/edition-files';
import { editionWorkbookBytes } from '../../../lib/edition-workbook';

type Kind = 'table' | 'workbook' | 'observations';
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
export const getStaticPaths: GetStaticPaths = () =>
  editions.flatMap((e) => [
    ...(['vi', 'en'] as Lang[]).flatMap((lang) => [
      {
        params: { file: fileName(files.editionTable(e.index, e.year, lang)) },
        props: { index: e.index, year: e.year, kind: 'table', lang },
      },
      {
        params: { file: fileName(files.editionWorkbook(e.index, e.year, lang)) },
        props: { index: e.index, year: e.year, kind: 'workbook', lang },
      },
    ]),
    {
      params: { file: fileName(files.editionObservations(e.index, e.year)) },
      props: { index: e.index, year: e.year, kind: 'observations', lang: 'en' },
    },
  ]);

export const GET: APIRoute = async ({ props }) => {
  const { index, year, kind, lang } = props as { index: string; year: number; kind: Kind; lang: Lang };
  if (kind === 'workbook') {
    return new Response(new Uint8Array(await editionWorkbookBytes(index, year, lang)), {
      headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
  }
  const body = kind === 'table' ? tableCsv(index, year, lang) : observationsCsv(index, year);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
