/**
 * A small iCalendar (RFC 5545) writer: what the campaign calendar needs and nothing more — all-day
 * events with text, a URL and stable UIDs. TEXT values are escaped (§3.3.11), lines end with CRLF
 * and are folded at 75 octets (§3.1) without cutting a UTF-8 character in two, which Vietnamese
 * titles would otherwise risk on every long line.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n, other controls dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // RFC 5545 §3.3.11: TEXT may not hold control characters other than HTAB (line breaks become \n).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/**
 * One content line folded into physical lines of at most 75 octets: the first holds up to 75, each
 * continuation a leading space and up to 74. Breaks fall between code points, never inside one.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line is one of its 75 octets
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A DATE value, 2022-03-01 → 20220301. */
export function icsDate(date: string): string {
  return date.replaceAll('-', '');
}

/** A DATE-TIME value in UTC, to the second: 20220301T083000Z. */
export function icsDateTime(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A property: a name, its parameters (e.g. `VALUE=DATE`) and a value already in its value type's form. */
export type IcsProperty = [name: string, value: string, params?: string];

export interface AllDayEvent {
  uid: string;
  /** When the information of the event last changed (DTSTAMP). */
  stamp: Date;
  /** YYYY-MM-DD; the event covers this one day (DTEND is the next day, exclusive). */
  date: string;
  nextDate: string;
  summary: string;
  description: string;
  url?: string;
  categories?: string[];
}

function property([name, value, params]: IcsProperty): string {
  return foldLine(`${name}${params ? `;${params}` : ''}:${value}`);
}

function eventProperties(e: AllDayEvent): IcsProperty[] {
  const props: IcsProperty[] = [
    ['UID', e.uid],
    ['DTSTAMP', icsDateTime(e.stamp)],
    ['DTSTART', icsDate(e.date), 'VALUE=DATE'],
    ['DTEND', icsDate(e.nextDate), 'VALUE=DATE'],
    ['SUMMARY', escapeText(e.summary)],
    ['DESCRIPTION', escapeText(e.description)],
  ];
  if (e.url) props.push(['URL', e.url]);
  if (e.categories?.length) props.push(['CATEGORIES', e.categories.map(escapeText).join(',')]);
  // A deadline marks a day; it does not make its reader busy.
  props.push(['TRANSP', 'TRANSPARENT']);
  return props;
}

/** A whole VCALENDAR: the calendar's own properties (after VERSION and PRODID), then the events. */
export function renderCalendar(calendar: { prodId: string; properties: IcsProperty[]; events: AllDayEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    property(['VERSION', '2.0']),
    property(['PRODID', calendar.prodId]),
    ...calendar.properties.map(property),
  ];
  for (const e of calendar.events) lines.push('BEGIN:VEVENT', ...eventProperties(e).map(property), 'END:VEVENT');
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}
