// Generates the add-in's icons (assets/icon-<size>.png): a shield with an envelope on it.
// Pure Node (zlib for the PNG's deflate stream) so the icons can be rebuilt without any image
// tool or extra dependency:   node scripts/make-icons.mjs
// The drawing is done in unit coordinates and supersampled, so every size is drawn, not scaled,
// and the small ribbon sizes (16, 20, 24) stay crisp enough to read.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every size the manifest references (ribbon button, high-DPI ribbon, app icons, and 25/32/48 for
 * the mobile button: https://learn.microsoft.com/office/dev/add-ins/outlook/add-mobile-support). */
export const ICON_SIZES = [16, 20, 24, 25, 32, 40, 48, 64, 80, 128];

const SUPERSAMPLES = 4; // 4×4 samples per pixel: enough anti-aliasing for a flat icon
const SHIELD = [15, 108, 189]; // Fluent UI brand blue, so the button matches the task pane
const SHIELD_EDGE = [17, 94, 163];
const ENVELOPE = [255, 255, 255];

/** Half-width of the shield at height y (unit square, y down); 0 outside the shield. */
function shieldHalfWidth(y) {
  const top = 0.05;
  const shoulder = 0.5;
  const tip = 0.96;
  const halfWidth = 0.4;
  if (y < top || y > tip) return 0;
  if (y <= shoulder) return halfWidth;
  const t = (y - shoulder) / (tip - shoulder);
  return halfWidth * (1 - t * t); // smooth at the shoulder, pointed at the tip
}

function insideShield(x, y, inset = 0) {
  return (
    y >= 0.05 + inset &&
    Math.abs(x - 0.5) <= shieldHalfWidth(y) - inset &&
    shieldHalfWidth(y + inset) > 0
  );
}

const ENVELOPE_BOX = { left: 0.27, right: 0.73, top: 0.33, bottom: 0.63 };

/** Distance from point p to segment a–b. */
function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour of one sample point, or null for transparent. */
function sampleColour(x, y, size) {
  if (!insideShield(x, y)) return null;
  const box = ENVELOPE_BOX;
  if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) {
    // The flap: a V from the top corners to the middle, at least about one pixel thick.
    const stroke = Math.max(0.045, 1.1 / size) / 2;
    const apexX = 0.5;
    const apexY = box.top + (box.bottom - box.top) * 0.55;
    const onFlap =
      distanceToSegment(x, y, box.left, box.top, apexX, apexY) <= stroke ||
      distanceToSegment(x, y, box.right, box.top, apexX, apexY) <= stroke;
    return onFlap ? SHIELD : ENVELOPE;
  }
  const edge = Math.max(0.03, 1 / size);
  return insideShield(x, y, edge) ? SHIELD : SHIELD_EDGE;
}

/** RGBA pixels, row-major, straight (not premultiplied) alpha as PNG requires. */
export function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLES * SUPERSAMPLES;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLES; sy++) {
        for (let sx = 0; sx < SUPERSAMPLES; sx++) {
          const x = (col + (sx + 0.5) / SUPERSAMPLES) / size;
          const y = (row + (sy + 0.5) / SUPERSAMPLES) / size;
          const colour = sampleColour(x, y, size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = (row * size + col) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((255 * covered) / samples);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit truecolour with alpha, no interlace, filter 0 on every row). */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let row = 0; row < height; row++) {
    raw[row * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const assetsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  mkdirSync(assetsDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(assetsDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}

// Write files only when run as a script, so the drawing functions can be imported.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
