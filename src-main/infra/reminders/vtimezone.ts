import { DateTime, FixedOffsetZone } from 'luxon';

const HOUR_MS = 3_600_000;

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function localStamp(at: DateTime): string {
  return at.toFormat("yyyyMMdd'T'HHmmss");
}

/**
 * A VTIMEZONE for an IANA zone, worked out with luxon, for the years an exported series covers:
 * RFC 5545 wants one for every TZID, and some calendars (older Outlook) refuse an event without.
 * Each change of offset is written as its own onset, which every calendar reads the same way.
 */
export function vtimezone(zone: string, fromYear: number, years = 6): string {
  const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone });
  const end = start.plus({ years });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const first = start.minus({ days: 1 });
  const firstKind = first.isInDST ? 'DAYLIGHT' : 'STANDARD';
  lines.push(
    `BEGIN:${firstKind}`,
    `DTSTART:${localStamp(first.startOf('day'))}`,
    `TZOFFSETFROM:${offsetText(first.offset)}`,
    `TZOFFSETTO:${offsetText(first.offset)}`,
    `END:${firstKind}`,
  );
  let previous = first.offset;
  for (let at = start.toMillis(); at < end.toMillis(); at += HOUR_MS) {
    const here = DateTime.fromMillis(at, { zone });
    if (here.offset === previous) continue;
    // Changes are not always on the hour in UTC (St John's changes at 05:30): find the minute.
    let low = at - HOUR_MS;
    let high = at;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (DateTime.fromMillis(middle, { zone }).offset === previous) low = middle;
      else high = middle;
    }
    // The onset is the wall-clock time of the change, read in the old offset.
    const onset = DateTime.fromMillis(high, { zone: FixedOffsetZone.instance(previous) });
    const kind = here.isInDST ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(onset)}`,
      `TZOFFSETFROM:${offsetText(previous)}`,
      `TZOFFSETTO:${offsetText(here.offset)}`,
      `END:${kind}`,
    );
    previous = here.offset;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
