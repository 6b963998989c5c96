// Each edition's table as people take it away, and its rows of observations.csv:
//   /files/editions/<index>-<year>.csv|.xlsx (Vietnamese) and <index>-<year>.en.csv|.en.xlsx (English): headers and
//   labels in words, UTF-8 with a byte-order mark so Excel reads the diacritics;
//   /files/editions/<index>-<year>-observations.csv: the dataset's columns, plain UTF-8 for programs.
import type { APIRoute, GetStaticPaths } from 'astro';
import { editions, type Lang } from '../../../lib/data';
import { observationsCsv, tableCsv } from '../../../lib/edition-files';
import { editionWorkbookBytes } from '../../../lib/edition-workbook';

type Kind = 'table' | 'workbook' | 'observations';
export const getStaticPaths: GetStaticPaths = () =>
  editions.flatMap((e) => [
    ...(['vi', 'en'] as Lang[]).flatMap((lang) => {
      const suffix = lang === 'vi' ? '' : '.en';
      return [
        {
          params: { file: `${e.index}-${e.year}${suffix}.csv` },
          props: { index: e.index, year: e.year, kind: 'table', lang },
        },
        {
          params: { file: `${e.index}-${e.year}${suffix}.xlsx` },
          props: { index: e.index, year: e.year, kind: 'workbook', lang },
        },
      ];
    }),
    {
      params: { file: `${e.index}-${e.year}-observations.csv` },
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
