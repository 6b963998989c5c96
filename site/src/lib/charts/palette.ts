/**
 * The chart colours every chart shares, the build's (Observable Plot) and the compare page's in the browser; no
 * imports, so the browser bundle takes it as it is. A break that makes years incomparable is drawn as a BAND, one
 * that allows comparison with caution as a thin rule in MUTED.
 */
export const INK = '#1f2933';
export const MUTED = '#8a949e';
export const BAND = '#d5dae0';
