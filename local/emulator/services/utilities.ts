import { strict } from '../calls';
import { formatDatePattern } from '../time';
import type { Workspace } from '../workspace';

type Blob = GoogleAppsScript.Base.Blob;

class FakeBlob implements Pick<Blob, 'getBytes' | 'getDataAsString' | 'getContentType' | 'setContentType' | 'getName' | 'setName'> {
  constructor(
    private bytes: number[],
    private contentType: string | null,
    private name: string | null,
  ) {}
  getBytes(): number[] {
    return [...this.bytes];
  }
  getDataAsString(): string {
    return Buffer.from(Uint8Array.from(this.bytes.map((b) => b & 255))).toString('utf8');
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this as unknown as Blob;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): Blob {
    this.name = name;
    return this as unknown as Blob;
  }
}

/**
 * A string as Apps Script turns it into bytes: UTF-8 as Java encodes it, a BOM (U+FEFF) kept as
 * EF BB BF, and a lone surrogate (half of an emoji cut in two) written as «?», not as U+FFFD.
 */
function javaUtf8(text: string): Buffer {
  return Buffer.from(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'), 'utf8');
}

/** Apps Script hands out signed bytes (Java's byte). */
function toSigned(buffer: Buffer): number[] {
  return [...buffer].map((b) => (b > 127 ? b - 256 : b));
}

/**
 * A Byte[] argument as Apps Script takes it: integers -128..127 (Java's byte). Anything else does
 * not convert, and the call fails the way a wrong argument type does.
 */
function byteArray(data: unknown, method: string): number[] {
  const ok = Array.isArray(data) && data.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 127);
  if (!ok) throw new Error(`The parameters (number[]) don't match the method signature for ${method}.`);
  return [...(data as number[])];
}

type UtilitiesApi = Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate' | 'sleep' | 'getUuid' | 'newBlob' | 'base64Encode' | 'base64Decode' | 'parseCsv'>;

class FakeUtilities implements UtilitiesApi {
  private uuids = 0;
  constructor(private readonly ws: Workspace) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!(date instanceof Date) && Object.prototype.toString.call(date) !== '[object Date]') {
      throw new Error("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
    }
    return formatDatePattern(date as Date, timeZone, format);
  }
  sleep(_milliseconds: number): void {}
  getUuid(): string {
    this.uuids += 1;
    const hex = (this.ws.ids.next('u') + this.uuids)
      .replace(/[^0-9a-f]/gi, '')
      .toLowerCase()
      .padEnd(32, '0');
    const h = [...hex.slice(0, 32)].map((c) => (/[0-9a-f]/.test(c) ? c : '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    const bytes = typeof data === 'string' ? toSigned(javaUtf8(data)) : byteArray(data, 'Utilities.newBlob');
    return strict('Blob', new FakeBlob(bytes, contentType ?? null, name ?? null), this.ws.calls) as unknown as Blob;
  }
  base64Encode(data: unknown): string {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(Uint8Array.from(byteArray(data, 'Utilities.base64Encode').map((b) => b & 255)));
    return buf.toString('base64');
  }
  base64Decode(encoded: string): number[] {
    return toSigned(Buffer.from(encoded, 'base64'));
  }
  parseCsv(csv: string, delimiter = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i];
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && csv[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }
}

export function createUtilities(ws: Workspace): GoogleAppsScript.Utilities.Utilities {
  return strict('Utilities', new FakeUtilities(ws), ws.calls) as unknown as GoogleAppsScript.Utilities.Utilities;
}
