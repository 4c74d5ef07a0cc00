// A small, dependency-free ZIP writer and reader (deflate via node:zlib),
// enough for the offline copy: files, no directories entries, no ZIP64.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  path: string;
  data: Uint8Array;
}

const DOS_EPOCH = { time: 0, date: (2026 - 1980) << 9 | (1 << 5) | 1 }; // fixed date: reproducible archives

function header(size: number): DataView {
  return new DataView(new ArrayBuffer(size));
}

/** Writes a ZIP archive; entries are stored deflated unless that does not help. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.path)) throw new Error(`zip: duplicate path ${entry.path}`);
    seen.add(entry.path);
    const name = new TextEncoder().encode(entry.path);
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const store = deflated.length >= entry.data.length;
    const body = store ? entry.data : deflated;
    const method = store ? 0 : 8;
    const crc = crc32(entry.data);
    if (entry.data.length > 0xfffffffe || offset > 0xfffffffe) throw new Error('zip: archive too large (no ZIP64 support)');

    const local = header(30);
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, method, true);
    local.setUint16(10, DOS_EPOCH.time, true);
    local.setUint16(12, DOS_EPOCH.date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, entry.data.length, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, body);

    const dir = header(46);
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(8, 0x0800, true);
    dir.setUint16(10, method, true);
    dir.setUint16(12, DOS_EPOCH.time, true);
    dir.setUint16(14, DOS_EPOCH.date, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, body.length, true);
    dir.setUint32(24, entry.data.length, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = header(22);
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

/** Reads every entry back, checking each CRC (for tests and for extracting the offline copy). */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let endAt = zip.length - 22;
  while (endAt >= 0 && view.getUint32(endAt, true) !== 0x06054b50) endAt--;
  if (endAt < 0) throw new Error('zip: end of central directory not found');
  const count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`zip: bad central directory entry ${i}`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const path = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const body = zip.subarray(dataAt, dataAt + compressed);
    const data = method === 8 ? new Uint8Array(inflateRawSync(body)) : method === 0 ? body.slice() : undefined;
    if (!data) throw new Error(`zip: ${path} uses unsupported method ${method}`);
    if (crc32(data) !== crc) throw new Error(`zip: ${path} is corrupt (CRC mismatch)`);
    entries.push({ path, data });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}
