// Barcode pictures for camera tests and the decode benchmark: bwip-js draws each code (PNG), pngjs
// reads it back to pixels, and the codes are placed on white frames, written as a Y4M video that
// Chromium plays as its fake camera (--use-file-for-fake-video-capture) or handed over as RGBA.
import fs from 'node:fs';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';

export type Symbology = 'code128' | 'code39' | 'qrcode' | 'datamatrix' | 'ean13';

export interface CodeImage {
  width: number;
  height: number;
  /** 8-bit grey, one byte per pixel, row after row. */
  luma: Uint8Array;
}

/** One code drawn by bwip-js at `scale` pixels per module, with its quiet zone. */
export async function drawCode(symbology: Symbology, text: string, scale = 2): Promise<CodeImage> {
  const linear = symbology === 'code128' || symbology === 'code39' || symbology === 'ean13';
  const png = await bwipjs.toBuffer({
    bcid: symbology,
    text,
    scale,
    ...(linear ? { height: 14, paddingwidth: 12, paddingheight: 6 } : { paddingwidth: 4, paddingheight: 4 }),
    backgroundcolor: 'FFFFFF',
  });
  const { width, height, data } = PNG.sync.read(png);
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < luma.length; i++) {
    const o = i * 4;
    luma[i] = Math.round(0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!);
  }
  return { width, height, luma };
}

export interface Placed {
  code: CodeImage;
  /** Top-left corner in the frame; centred when left out. */
  x?: number;
  y?: number;
}

/** A white frame (grey plane) with the codes on it. */
export function composeFrame(width: number, height: number, placed: Placed[]): Uint8Array {
  const frame = new Uint8Array(width * height).fill(255);
  for (const { code, x = Math.floor((width - code.width) / 2), y = Math.floor((height - code.height) / 2) } of placed) {
    if (x < 0 || y < 0 || x + code.width > width || y + code.height > height)
      throw new Error(`a ${code.width}×${code.height} code does not fit at ${x},${y} in ${width}×${height}`);
    for (let row = 0; row < code.height; row++)
      frame.set(code.luma.subarray(row * code.width, (row + 1) * code.width), (y + row) * width + x);
  }
  return frame;
}

/** The same frame as RGBA (what a canvas's getImageData gives the decoder). */
export function toRgba(luma: Uint8Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(luma.length * 4);
  for (let i = 0; i < luma.length; i++) {
    const o = i * 4;
    rgba[o] = rgba[o + 1] = rgba[o + 2] = luma[i]!;
    rgba[o + 3] = 255;
  }
  return rgba;
}

export interface Segment {
  frame: Uint8Array;
  seconds: number;
}

/** Writes the segments one after the other as a 4:2:0 Y4M video (grey: chroma planes at 128). */
export function writeY4m(file: string, width: number, height: number, fps: number, segments: Segment[]): void {
  if (width % 2 || height % 2) throw new Error('Y4M 4:2:0 needs an even width and height');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (const { frame, seconds } of segments) {
      for (let i = 0; i < Math.round(seconds * fps); i++) {
        fs.writeSync(fd, 'FRAME\n');
        fs.writeSync(fd, frame);
        fs.writeSync(fd, chroma);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}
