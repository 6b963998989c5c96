import { DuckDBInstance } from '@duckdb/node-api';
const db = await (await DuckDBInstance.create(':memory:')).connect();
const dir = process.env.D ?? '/tmp/t7rm-base/data';
await db.run(`CREATE VIEW o AS SELECT * FROM read_parquet('${dir}/observations.parquet')`);
await db.run(`CREATE VIEW e AS SELECT * FROM read_csv('${dir}/editions.csv')`);
const r = await db.runAndReadAll(process.argv[2]);
console.log(
  r
    .getRowObjectsJson()
    .map((x) => JSON.stringify(x))
    .join('\n'),
);
