import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_DATA_URL, trayIconSpec } from '../../src-main/shell/tray-icon';

/** Decodes an 8-bit RGBA, non-interlaced PNG data URL into its size and pixels. */
function decodePng(dataUrl: string) {
  const bytes = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

describe('the tray icon', () => {
  it('is a template image on macOS: pure black with alpha at 1x (16 px) and 2x (32 px)', () => {
    const spec = trayIconSpec('darwin');
    expect(spec.template).toBe(true);
    expect(spec.representations.map((r) => r.scaleFactor)).toEqual([1, 2]);
    for (const { scaleFactor, dataURL } of spec.representations) {
      const { width, height, pixels } = decodePng(dataURL);
      expect([width, height]).toEqual([16 * scaleFactor, 16 * scaleFactor]);
      const alphas = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) {
        // macOS uses only the alpha of a template image; any colour would be a sign of the wrong file.
        expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([0, 0, 0]);
        alphas.add(pixels[i + 3] ?? 0);
      }
      expect(alphas.has(0)).toBe(true);
      expect(alphas.has(255)).toBe(true);
    }
  });

  it('is the colour icon on Windows and Linux, where trays show colour', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(trayIconSpec(platform)).toEqual({
        representations: [{ scaleFactor: 1, dataURL: TRAY_ICON_DATA_URL }],
        template: false,
      });
    }
    expect(decodePng(TRAY_ICON_DATA_URL).width).toBe(32);
  });
});
