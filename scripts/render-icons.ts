// Draws Baoku's icon (the character 报 on the accent red) and writes every icon file the app serves:
//   public/icon.svg              the favicon for browsers that take SVG
//   public/favicon.ico           16, 32 and 48 px PNGs in one ICO, for the browsers that ask for /favicon.ico
//   public/apple-touch-icon.png  180 px, square corners (iOS rounds them itself and paints transparency black)
//   public/icon-192.png, public/icon-512.png   for the web app manifest
// Run: npx tsx scripts/render-icons.ts — the outputs are committed, so building and serving need nothing of this.
//
// Why strokes and not <text>: the character must look the same everywhere and this machine has no CJK font
// (nor may the app load one from the network), so 报 is drawn as stroke paths, and any rasteriser, sharp's
// librsvg here or a browser, renders it without fonts. sharp comes with Next (its image optimiser).
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const PUBLIC_DIR = path.join(import.meta.dirname, "..", "public");
/** The app's --color-accent (app/globals.css) and its paper colour. */
const ACCENT = "#9b1c1c";
const PAPER = "#fbfaf7";

/**
 * 报 on a 64-unit grid: 扌 on the left (横, 竖钩, 提), and on the right the long 竖 with the top 横折钩,
 * then 又 below (横撇, 捺).
 */
const GLYPH_STROKES = [
  "M9 21H25",
  "M17 9V53L12.5 49",
  "M9 42L25 34",
  "M31 11V56",
  "M31 11H53V22L49.5 19.5",
  "M36 31H53L36 56",
  "M41 39L56 55",
];

function drawIconSvg({ rounded }: { rounded: boolean }): string {
  const strokes = GLYPH_STROKES.map((d) => `<path d="${d}"/>`).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">`,
    `<title>报库</title>`,
    `<rect width="64" height="64"${rounded ? ' rx="12"' : ""} fill="${ACCENT}"/>`,
    `<g fill="none" stroke="${PAPER}" stroke-width="5.5" stroke-linecap="round" stroke-linejoin="round">${strokes}</g>`,
    `</svg>`,
    "",
  ].join("\n");
}

async function renderPng(svg: string, size: number): Promise<Buffer> {
  // density scales the 64-unit drawing so librsvg draws at the target size instead of upscaling a bitmap.
  return sharp(Buffer.from(svg), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An ICO holding PNG images (allowed since Windows Vista and read by every current browser). */
function packIco(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    // Width and height 256 are written as 0; ours are smaller.
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

async function writeIcons(): Promise<void> {
  fs.mkdirSync(PUBLIC_DIR, { recursive: true });
  const rounded = drawIconSvg({ rounded: true });
  const square = drawIconSvg({ rounded: false });
  const outputs: Array<[string, Buffer | string]> = [
    ["icon.svg", rounded],
    ["favicon.ico", packIco(await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await renderPng(rounded, size) }))))],
    ["apple-touch-icon.png", await renderPng(square, 180)],
    ["icon-192.png", await renderPng(square, 192)],
    ["icon-512.png", await renderPng(square, 512)],
  ];
  for (const [name, content] of outputs) {
    fs.writeFileSync(path.join(PUBLIC_DIR, name), content);
    console.log(`wrote public/${name}`);
  }
}

await writeIcons();
