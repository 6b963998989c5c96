// The SQL page: DuckDB-WASM over the site's Parquet files.
import { startSqlPage } from '../lib/sql-page';

startSqlPage();
