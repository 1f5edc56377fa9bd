import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsDate, icsDateTime, renderCalendar } from './ical.ts';

/** RFC 5545 §3.1: a CRLF followed by one space or tab is removed when reading. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('TEXT escaping', () => {
  it('escapes backslash, semicolon and comma, writes line breaks as \\n and drops other controls', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('Hạn nộp\u0007 báo cáo\ttự đánh giá')).toBe('Hạn nộp báo cáo\ttự đánh giá');
  });
});

describe('line folding', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('keeps every physical line within 75 octets and never cuts a UTF-8 character, whatever the offset', () => {
    // 'ệ' is 3 octets, '𝔸' 4: at some offset each one straddles the 75th octet.
    for (let pad = 0; pad < 8; pad++) {
      const line = `SUMMARY:${'a'.repeat(pad)}${'Hạn nộp báo cáo tự đánh giá phong trào thi đua 𝔸 '.repeat(6)}`;
      const folded = foldLine(line);
      const physical = folded.split('\r\n');
      for (const [i, part] of physical.entries()) {
        expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        if (i > 0) expect(part.startsWith(' ')).toBe(true);
        // a lone surrogate or a cut character would not survive a strict round trip
        expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(part, 'utf8'))).toBe(part);
      }
      expect(unfold(folded)).toBe(line);
    }
  });
});

describe('values', () => {
  it('writes dates and UTC times in their basic forms', () => {
    expect(icsDate('2022-03-01')).toBe('20220301');
    expect(icsDateTime(new Date('2022-03-01T08:30:05.123Z'))).toBe('20220301T083005Z');
  });

  it('writes a calendar with CRLF line ends only, its properties first, then the events', () => {
    const text = renderCalendar({
      prodId: '-//Test//Test//VI',
      properties: [['CALSCALE', 'GREGORIAN']],
      events: [
        {
          uid: 'c1-deadline@thidua',
          stamp: new Date('2022-03-01T00:00:00Z'),
          date: '2022-05-19',
          nextDate: '2022-05-20',
          summary: 'Hạn nộp',
          description: 'Dòng 1\nDòng 2',
          url: 'https://example.vn/phong-trao/c1',
        },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    expect(text.split('\r\n').slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//Test//VI',
      'CALSCALE:GREGORIAN',
      'BEGIN:VEVENT',
    ]);
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20220519\r\nDTEND;VALUE=DATE:20220520\r\n');
    expect(text).toContain('\r\nDESCRIPTION:Dòng 1\\nDòng 2\r\n');
  });
});
