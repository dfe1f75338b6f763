const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-03" → "March 2024", "2024-03-05" → "5 March 2024"; fixed English, like the rest of the UI. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = MONTHS[Number(month) - 1];
  if (!year || !monthName) return date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

export function formatAuthors(authors: readonly string[]): string {
  if (authors.length === 0) return 'Author not named';
  const last = authors.at(-1);
  const rest = authors.slice(0, -1);
  return `By ${rest.length ? `${rest.join(', ')} and ${last}` : last}`;
}
