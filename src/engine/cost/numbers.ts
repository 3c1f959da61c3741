// Number formats for the texts estimates write (derivations, notes). Built once: a
// toLocaleString with options builds a formatter on every call, which dominated the time to
// price a design of thousands of components.
const upTo = [0, 1, 2, 3].map((digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * 1,234.57 with at most `digits` decimals (default 2). A whole number from 0 to 999 has no
 * separator or decimals: its own digits, without a formatter (most counts in a large design's
 * texts are such, and a format call costs microseconds). -0 is left to the formatter ("-0").
 */
export const formatNumber = (n: number, digits: 0 | 1 | 2 | 3 = 2): string =>
  Number.isInteger(n) && n < 1000 && (n > 0 || Object.is(n, 0)) ? String(n) : upTo[digits]!.format(n);

/** 1,234.50: always two decimals. */
export const formatCents = (n: number): string => cents.format(n);

/** 197.1 M for millions, else 1,234. */
export const formatCount = (n: number): string => (n >= 1e6 ? `${formatNumber(n / 1e6)} M` : formatNumber(n, 0));
