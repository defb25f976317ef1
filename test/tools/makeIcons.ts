/**
 * Draws the add-in icons (assets/icon-<size>.png): a green rounded square with a white
 * organisation chart (one box above three). PNG encoded with Node's zlib only; edges are
 * anti-aliased by supersampling each pixel.
 *
 *   npx tsx test/tools/makeIcons.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgb = [number, number, number];
const TOP: Rgb = [0x21, 0xa3, 0x66]; // lighter Office green at the top…
const BOTTOM: Rgb = [0x10, 0x7c, 0x41]; // …Excel green at the bottom
const WHITE: Rgb = [255, 255, 255];
const SUBSAMPLES = 8; // 8×8 samples per pixel

/** Axis-aligned rectangle in pixels, with rounded corners of radius r. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  r: number;
}

function inBox(b: Box, x: number, y: number): boolean {
  if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) return false;
  const cx = Math.min(Math.max(x, b.x0 + b.r), b.x1 - b.r);
  const cy = Math.min(Math.max(y, b.y0 + b.r), b.y1 - b.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= b.r * b.r;
}

type Rect = [x0: number, y0: number, x1: number, y1: number, r?: number];

/**
 * The white glyph, drawn on a grid so that its edges fall on whole pixels: a 32-unit grid scaled
 * to the icon size, and a hand-fitted 16-unit grid for the 16 px icon (1 px lines, centred on a
 * pixel, so half a pixel left of the middle: invisible at that size, and sharp).
 */
const GLYPH_32: Rect[] = [
  [11, 6, 21, 13, 1], // head
  [15, 13, 17, 16], // stem
  [6, 15, 26, 17], // bar
  [6, 17, 8, 19], // drops
  [15, 17, 17, 19],
  [24, 17, 26, 19],
  [4, 19, 10, 25, 1], // children
  [13, 19, 19, 25, 1],
  [22, 19, 28, 25, 1],
];
const GLYPH_16: Rect[] = [
  [5, 3, 10, 6],
  [7, 6, 8, 8],
  [2, 8, 13, 9],
  [2, 9, 3, 10],
  [7, 9, 8, 10],
  [12, 9, 13, 10],
  [1, 10, 4, 13],
  [6, 10, 9, 13],
  [11, 10, 14, 13],
];

function glyph(size: number): Box[] {
  const [rects, grid] = size <= 16 ? [GLYPH_16, 16] : [GLYPH_32, 32];
  const u = size / grid;
  return rects.map(([x0, y0, x1, y1, r = 0]) => ({ x0: x0 * u, y0: y0 * u, x1: x1 * u, y1: y1 * u, r: r * u }));
}

/** RGBA pixels, row by row. */
export function drawIcon(size: number): Uint8Array {
  const tile: Box = { x0: 0, y0: 0, x1: size, y1: size, r: Math.round(size * 0.2) };
  const boxes = glyph(size);
  const px = new Uint8Array(size * size * 4);
  const n = SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let pxX = 0; pxX < size; pxX++) {
      let tileHits = 0;
      let glyphHits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = pxX + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          if (!inBox(tile, x, y)) continue;
          tileHits++;
          if (boxes.some((b) => inBox(b, x, y))) glyphHits++;
        }
      }
      if (tileHits === 0) continue; // fully transparent
      const i = (py * size + pxX) * 4;
      const t = (py + 0.5) / size;
      const bg = TOP.map((c, k) => c + (BOTTOM[k] - c) * t);
      const w = glyphHits / tileHits; // share of white within the covered part
      for (let k = 0; k < 3; k++) px[i + k] = Math.round(bg[k] + (WHITE[k] - bg[k]) * w);
      px[i + 3] = Math.round((255 * tileHits) / (n * n));
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** 8-bit RGBA PNG, filter type 0 on every row. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'assets'));
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(file);
  }
}
