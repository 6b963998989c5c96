// The pages with charts: PNG downloads drawn in the browser.
import { enablePngDownloads } from '../lib/charts/png-export';

enablePngDownloads();
