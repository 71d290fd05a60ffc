import { crc32 } from './crc32';
import { utf8 } from './utf8';

/**
 * A STORED (uncompressed) zip: local headers, central directory, end record. Enough for a .docx
 * that Drive converts; deflate would need zlib. Every entry carries the DOS date 1980-01-01 00:00,
 * so the same files give the same bytes.
 */
export interface ZipEntry {
  name: string;
  data: number[];
}

const DOS_TIME = 0;
/** (year − 1980) << 9 | month << 5 | day. */
const DOS_DATE = (1 << 5) | 1;
/** Bit 11: the file name is UTF-8. */
const UTF8_NAMES = 0x0800;
const VERSION = 20;

export function zip(entries: readonly ZipEntry[]): number[] {
  const out: number[] = [];
  const central: number[] = [];
  for (const entry of entries) {
    const name = utf8(entry.name);
    const crc = crc32(entry.data);
    const size = entry.data.length;
    const offset = out.length;
    u32(out, 0x04034b50);
    u16(out, VERSION);
    common(out, crc, size, name.length);
    u16(out, 0); // extra field length
    append(out, name);
    append(out, entry.data);

    u32(central, 0x02014b50);
    u16(central, VERSION); // made by: MS-DOS attributes, spec 2.0
    u16(central, VERSION);
    common(central, crc, size, name.length);
    u16(central, 0); // extra
    u16(central, 0); // comment
    u16(central, 0); // disk
    u16(central, 0); // internal attributes
    u32(central, 0); // external attributes
    u32(central, offset);
    append(central, name);
  }
  const centralOffset = out.length;
  append(out, central);
  u32(out, 0x06054b50);
  u16(out, 0);
  u16(out, 0);
  u16(out, entries.length);
  u16(out, entries.length);
  u32(out, central.length);
  u32(out, centralOffset);
  u16(out, 0); // comment
  return out;
}

/** The fields local and central headers share, from «flags» to «name length». */
function common(out: number[], crc: number, size: number, nameLength: number): void {
  u16(out, UTF8_NAMES);
  u16(out, 0); // method: stored
  u16(out, DOS_TIME);
  u16(out, DOS_DATE);
  u32(out, crc);
  u32(out, size);
  u32(out, size);
  u16(out, nameLength);
}

function u16(out: number[], value: number): void {
  out.push(value & 0xff, (value >>> 8) & 0xff);
}

function u32(out: number[], value: number): void {
  out.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff);
}

/** Not push(...bytes): a large part would overflow the call stack's argument limit. */
function append(out: number[], bytes: readonly number[]): void {
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}
