// Draws the macOS menu-bar template icon (the logo's rings, black on transparent) at 16 and 32
// pixels and prints each as a data URL for src-main/shell/tray-icon.ts. Run: node scripts/make-tray-template.mjs
import { Buffer } from 'node:buffer';
import { crc32, deflateSync } from 'node:zlib';

const SUBSAMPLES = 8;

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** Coverage of a point given in the 16-unit design grid: faint outer ring, ring, centre dot. */
function coverage(x, y) {
  const d = Math.hypot(x - 8, y - 8);
  if (d <= 1.4 || Math.abs(d - 4.6) <= 0.9) return 1;
  return Math.abs(d - 7) <= 0.5 ? 0.5 : 0;
}

function templatePng(size) {
  const scale = size / 16;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then black RGBA pixels
    for (let x = 0; x < size; x++) {
      let cover = 0;
      for (let j = 0; j < SUBSAMPLES; j++)
        for (let i = 0; i < SUBSAMPLES; i++)
          cover += coverage((x + (i + 0.5) / SUBSAMPLES) / scale, (y + (j + 0.5) / SUBSAMPLES) / scale);
      row[1 + x * 4 + 3] = Math.round((cover / SUBSAMPLES ** 2) * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32])
  console.log(`${size}: data:image/png;base64,${templatePng(size).toString('base64')}`);
