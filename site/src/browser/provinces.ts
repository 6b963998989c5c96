// The provinces list: the filter box.
import { startProvinceFilter } from '../lib/province-filter';

startProvinceFilter();
