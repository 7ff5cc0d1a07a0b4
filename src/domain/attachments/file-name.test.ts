import { describe, expect, it } from 'vitest';
import { extensionOf, safeFileName } from './file-name.ts';
import { contentDisposition } from '../../api/system/content-disposition.ts';

describe('safeFileName', () => {
  it('keeps ordinary names, in any script', () => {
    expect(safeFileName('Invoice 2026-12.pdf')).toBe('Invoice 2026-12.pdf');
    expect(safeFileName('文件.txt')).toBe('文件.txt');
    expect(safeFileName('🏳️‍🌈.pdf')).toBe('🏳️‍🌈.pdf');
  });

  it('drops directories, control and bidi-override characters, quotes and backslashes', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\photo.jpg')).toBe('photo.jpg');
    expect(safeFileName('re"port\u0000\u0007\r\n.txt')).toBe('report.txt');
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });

  it('never answers an empty name, and keeps the extension of a long one', () => {
    for (const raw of ['', '   ', '..', '/', undefined, '\u0000']) expect(safeFileName(raw)).toBe('file');
    const long = safeFileName(`${'x'.repeat(400)}.pdf`);
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('reads the extension as Chatwoot shows it', () => {
    expect([extensionOf('a.PDF'), extensionOf('.env'), extensionOf('noext'), extensionOf('a.')]).toEqual([
      'PDF',
      null,
      null,
      null,
    ]);
  });
});

describe('contentDisposition', () => {
  it('quotes an ASCII name as it is', () => {
    expect(contentDisposition('inline', 'photo.png')).toBe('inline; filename="photo.png"');
  });

  it('gives any other name an ASCII fallback and the UTF-8 original (RFC 6266 / 5987)', () => {
    expect(contentDisposition('attachment', '文件.txt')).toBe(
      `attachment; filename="__.txt"; filename*=UTF-8''%E6%96%87%E4%BB%B6.txt`,
    );
    expect(contentDisposition('attachment', `it's (100%) "done".txt`)).toBe(
      `attachment; filename="it's (100_) _done_.txt"; filename*=UTF-8''it%27s%20%28100%25%29%20%22done%22.txt`,
    );
  });

  it('survives names stored before names were cleaned (controls, a lone surrogate)', () => {
    const header = contentDisposition('attachment', 'bad\r\nname\uD800.txt');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header).toContain(`filename*=UTF-8''bad%0D%0Aname%EF%BF%BD.txt`);
  });
});
