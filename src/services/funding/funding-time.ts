/** Times are ISO 8601 UTC strings from the clock; these shift them by whole days or seconds. */
const dayMilliseconds = 86_400_000;

export function addDays(at: string, days: number): string {
  return new Date(new Date(at).getTime() + days * dayMilliseconds).toISOString();
}

export function addSeconds(at: string, seconds: number): string {
  return new Date(new Date(at).getTime() + seconds * 1000).toISOString();
}

/** The canonical form of a caller's time, or undefined when it is not a time. */
export function normalizeTime(text: string): string | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
