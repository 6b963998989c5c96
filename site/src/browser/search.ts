// The search page.
import { startSearchPage } from '../lib/search-page';

startSearchPage();
