// Reads a PNG far enough to prove it is one: signature, chunk CRCs, IHDR, IDAT that inflates to
// exactly the bytes the header promises, IEND. Enough to catch a truncated, mislabelled or
// wrongly sized icon without an image library.
import { inflateSync } from 'node:zlib';

export interface PngInfo {
  width: number;
  height: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS_BY_COLOUR_TYPE: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Returns the PNG's size, or throws saying what is wrong with it. */
export function readPng(bytes: Buffer): PngInfo {
  if (bytes.length < SIGNATURE.length || !bytes.subarray(0, 8).equals(SIGNATURE))
    throw new Error('not a PNG signature');
  let offset = 8;
  let header: {
    width: number;
    height: number;
    bitDepth: number;
    colourType: number;
    interlace: number;
  } | null = null;
  const imageData: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length && !ended) {
    if (offset + 12 > bytes.length) throw new Error('truncated chunk');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const dataEnd = offset + 8 + length;
    if (dataEnd + 4 > bytes.length) throw new Error(`truncated ${type} chunk`);
    const data = bytes.subarray(offset + 8, dataEnd);
    if (crc32(bytes.subarray(offset + 4, dataEnd)) !== bytes.readUInt32BE(dataEnd))
      throw new Error(`bad CRC in ${type}`);
    if (header === null && type !== 'IHDR') throw new Error('first chunk is not IHDR');
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] ?? 0,
        colourType: data[9] ?? -1,
        interlace: data[12] ?? 0,
      };
    } else if (type === 'IDAT') {
      imageData.push(Buffer.from(data));
    } else if (type === 'IEND') {
      ended = true;
    }
    offset = dataEnd + 4;
  }
  if (!header) throw new Error('no IHDR');
  if (!ended) throw new Error('no IEND');
  if (imageData.length === 0) throw new Error('no IDAT');
  const channels = CHANNELS_BY_COLOUR_TYPE[header.colourType];
  if (channels === undefined) throw new Error(`unknown colour type ${header.colourType}`);
  if (header.interlace === 0) {
    const rowBytes = Math.ceil((header.width * channels * header.bitDepth) / 8);
    const expected = (rowBytes + 1) * header.height;
    const inflated = inflateSync(Buffer.concat(imageData));
    if (inflated.length !== expected)
      throw new Error(`image data is ${inflated.length} bytes, expected ${expected}`);
  }
  return { width: header.width, height: header.height };
}
