// The compare page and its embeddable chart.
import { startComparePage } from '../lib/compare-page';

startComparePage();
