/**
 * An incremental RFC 4180 reader, written here rather than taken from npm because the rules fit in a
 * screen: fields separated by commas, records by CRLF (LF or a lone CR too), a field in double quotes may
 * hold commas, line ends and doubled quotes. Text arrives in chunks of any size (a quote or a CRLF may be
 * split between two); complete records come out as they finish, so a file is never needed whole.
 * Lenient where spreadsheets are: a quote inside an unquoted field is a character, text after a closing
 * quote joins the field. A UTF-8 byte order mark at the start is dropped.
 */
export class CsvParseError extends Error {
  /** The record (1 = the first line) where the problem began. */
  readonly record: number;
  constructor(message: string, record: number) {
    super(message);
    this.record = record;
  }
}

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted' | 'after-cr';

export class CsvParser {
  private state: State = 'field-start';
  private field = '';
  private record: string[] = [];
  private started = false;
  private recordNumber = 1;

  /** Parses a chunk; answers the records it completed. */
  push(chunk: string): string[][] {
    const done: string[][] = [];
    let text = chunk;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      switch (this.state) {
        case 'after-cr':
          this.state = 'field-start';
          if (c === '\n') break; // CRLF: the record already ended at the CR
          i--; // a lone CR ended the record; read this character afresh
          break;
        case 'quoted':
          if (c === '"') this.state = 'quote-in-quoted';
          else this.field += c;
          break;
        case 'quote-in-quoted':
          if (c === '"') {
            this.field += '"';
            this.state = 'quoted';
            break;
          }
          this.state = 'unquoted'; // the closing quote; what follows is read as unquoted text
          i--;
          break;
        default:
          if (c === ',') this.endField();
          else if (c === '\n' || c === '\r') {
            done.push(this.endRecord());
            if (c === '\r') this.state = 'after-cr';
          } else if (c === '"' && this.state === 'field-start') this.state = 'quoted';
          else {
            this.field += c;
            this.state = 'unquoted';
          }
      }
    }
    return done;
  }

  /** The input is over: answers the last record if it had no line end; throws on a quote left open. */
  end(): string[][] {
    if (this.state === 'quoted')
      throw new CsvParseError(
        `A quoted field that begins in record ${this.recordNumber} is never closed`,
        this.recordNumber,
      );
    const open = this.state !== 'field-start' && this.state !== 'after-cr';
    if (open || this.record.length) return [this.endRecord()];
    return [];
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.state = 'field-start';
  }

  private endRecord(): string[] {
    this.endField();
    const record = this.record;
    this.record = [];
    this.recordNumber++;
    return record;
  }
}

/** A whole text at once (tests, small inputs). */
export function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}
