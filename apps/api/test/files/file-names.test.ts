import { describe, expect, it } from 'vitest';
import { asciiFileName, attachmentDisposition, sanitizeFileName } from '../../src/modules/files/file-names.ts';

describe('file names kept for display', () => {
  it('keeps Vietnamese diacritics, composed (NFC) whatever the client sent', () => {
    const decomposed = 'Báo cáo thi đua.pdf'.normalize('NFD');
    expect(sanitizeFileName(decomposed, 'application/pdf')).toBe('Báo cáo thi đua.pdf');
  });

  it('drops path parts, control and bidi-override characters, and characters Windows cannot save', () => {
    expect(sanitizeFileName('C:\\fakepath\\ke-hoach.pdf', 'application/pdf')).toBe('ke-hoach.pdf');
    expect(sanitizeFileName('../../etc/passwd.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('bao\u0000cao\r\n.pdf', 'application/pdf')).toBe('baocao.pdf');
    // "anh\u202Egpj.exe" displays as "anhexe.jpg"; without the override it is what it is.
    expect(sanitizeFileName('anh\u202Egpj.exe', 'image/jpeg')).toBe('anhgpj.exe.jpg');
    expect(sanitizeFileName('a<b>:c"d|e?f*.pdf', 'application/pdf')).toBe('a_b__c_d_e_f_.pdf');
  });

  it('makes the extension match the detected type', () => {
    expect(sanitizeFileName('anh.JPEG', 'image/jpeg')).toBe('anh.JPEG');
    expect(sanitizeFileName('anh.jpg', 'image/jpeg')).toBe('anh.jpg');
    expect(sanitizeFileName('bao-cao.pdf', 'image/png')).toBe('bao-cao.pdf.png');
    expect(sanitizeFileName('so-lieu', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe(
      'so-lieu.xlsx',
    );
  });

  it('gives a name to a nameless or dot-only upload, and bounds long names', () => {
    expect(sanitizeFileName(undefined, 'application/pdf')).toBe('Tệp đính kèm.pdf');
    expect(sanitizeFileName('...', 'image/png')).toBe('Tệp đính kèm.png');
    const long = sanitizeFileName('Đ'.repeat(500) + '.pdf', 'application/pdf');
    expect([...long].length).toBeLessThanOrEqual(180);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('Content-Disposition', () => {
  it('carries the exact UTF-8 name (RFC 5987) and an ASCII fallback without diacritics', () => {
    const header = attachmentDisposition("Kế hoạch (điều chỉnh) 'mới'.docx");
    expect(header).toBe(
      `attachment; filename="Ke hoach (dieu chinh) 'moi'.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%28%C4%91i%E1%BB%81u%20ch%E1%BB%89nh%29%20%27m%E1%BB%9Bi%27.docx`,
    );
  });

  it('never lets a quote, backslash or semicolon break out of the fallback', () => {
    expect(asciiFileName('a"b\\c;d%e.pdf')).toBe('a_b_c_d_e.pdf');
  });
});
