// Writes small zips for the tests and benchmarks: BACI's download is a zip of one CSV a year.
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip of `files` ([name, text or bytes]), each deflated, with 32-bit records (zip64 is tested on the host). */
export function zipOf(files) {
  const parts = [];
  const central = [];
  let at = 0;
  for (const [name, text] of files) {
    const raw = Buffer.isBuffer(text) ? text : Buffer.from(text);
    const data = deflateRawSync(raw);
    const fixed = (sig) => {
      const b = Buffer.alloc(sig === 0x04034b50 ? 30 : 46);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = fixed(0x04034b50);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = fixed(0x02014b50);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(raw), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(at, 42);
    parts.push(local, Buffer.from(name), data);
    central.push(entry, Buffer.from(name));
    at += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...parts, dir, end]);
}
