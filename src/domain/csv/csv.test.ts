import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv } from './parse.ts';
import { csvCell, csvLine, unguardCell } from './write.ts';

describe('CSV parser (RFC 4180)', () => {
  it('reads plain and quoted fields, doubled quotes, commas and newlines inside quotes', () => {
    const text = 'name,note\r\nJane,"Says ""hi"", twice"\r\n"Multi\nline","a,b"\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Jane', 'Says "hi", twice'],
      ['Multi\nline', 'a,b'],
    ]);
  });

  it('takes LF, CRLF and lone CR line ends, a UTF-8 BOM, and a last line without a line end', () => {
    expect(parseCsv('\uFEFFa,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps empty fields, and a blank line as one empty field', () => {
    expect(parseCsv('a,,c\n\n,,\n""')).toEqual([['a', '', 'c'], [''], ['', '', ''], ['']]);
  });

  it('gives the same records whatever the chunks (a quote or CRLF split across two)', () => {
    const text = 'x,"q ""quoted"" ,\r\nnew"\r\ny,z\r\n';
    const whole = parseCsv(text);
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new CsvParser();
      const records = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()];
      expect(records, `cut at ${cut}`).toEqual(whole);
    }
  });

  it('is lenient with a quote in the middle of a field, as spreadsheets are', () => {
    expect(parseCsv('5" screen,"ok"x\n')).toEqual([['5" screen', 'okx']]);
  });

  it('refuses a quoted field that never closes, naming the record it began in', () => {
    expect(() => parseCsv('a,b\nc,"open\nd,e\n')).toThrow(/record 2/);
  });
});

describe('CSV writer', () => {
  it('quotes only what needs it and doubles quotes', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', ''])).toBe('plain,"a,b","say ""hi""","two\nlines",\r\n');
  });

  it("guards formula injection: a cell starting with = + - @ tab or CR gets a leading ' (OWASP)", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+15551230000')).toBe("'+15551230000");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('reads back what it wrote, the guard undone', () => {
    const values = ['=1+1', '+15551230000', "'quoted", 'x, "y"\n', ''];
    const [record] = parseCsv(csvLine(values));
    expect(record.map(unguardCell)).toEqual(values);
  });
});
