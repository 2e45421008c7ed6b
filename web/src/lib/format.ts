// How Hearth writes numbers and dates: as people in the UK do, the same on server and browser.

// Made once: building a formatter costs far more than formatting (it was a tenth of a page's rendering).
const NUMBER = new Intl.NumberFormat('en-GB');
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/** "1,234": a count as people in the UK write it. */
export function wholeNumber(value: number): string {
  return NUMBER.format(value);
}

/** "12 networks", "1 network". */
export function countLabel(count: number, one: string, many: string): string {
  return `${wholeNumber(count)} ${count === 1 ? one : many}`;
}

/** A date as people in the UK write it, the same on server and browser. */
export function formatDate(iso: string): string {
  return LONG_DATE.format(new Date(iso));
}
