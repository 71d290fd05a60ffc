/**
 * A synchronous .zip reader for Drive's conversions (the emulator's calls are synchronous, as Apps
 * Script's are): stored and deflated entries, read through the central directory. Anything else
 * (zip64, encryption, another method, a truncated file) is refused with a ZipError.
 */
import { inflateRawSync } from 'zlib';

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Entries by name (directories left out). */
export function unzipSync(data: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // The end record is in the last 22 + 65535 (comment) bytes.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip archive');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipError('broken central directory');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const rawSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipError(`${name} is encrypted`);
    if (name.endsWith('/')) continue;
    if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== LOCAL) throw new ZipError(`broken local header of ${name}`);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    if (start + size > buf.length) throw new ZipError(`${name} is truncated`);
    const packed = buf.subarray(start, start + size);
    let content: Buffer;
    if (method === 0) content = Buffer.from(packed);
    else if (method === 8) {
      try {
        content = inflateRawSync(packed);
      } catch {
        throw new ZipError(`${name} does not inflate`);
      }
    } else throw new ZipError(`${name} uses compression method ${method}`);
    if (content.length !== rawSize) throw new ZipError(`${name} has the wrong size`);
    out.set(name, content);
  }
  return out;
}
