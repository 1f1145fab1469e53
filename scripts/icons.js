#!/usr/bin/env node
/**
 * Rasterizes assets/icon.svg into the PNGs electron-builder packs (no
 * ImageMagick needed): headless Chromium through playwright-core draws the
 * SVG at each size and screenshots it with a transparent background.
 * `node scripts/icons.js` (CHROMIUM=/path/to/chromium to choose the browser).
 * electron-builder derives .icns (macOS) and .ico (Windows) from icon.png.
 */
'use strict';
const { mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const assets = join(__dirname, '..', 'assets');
const sizes = [16, 32, 48, 64, 128, 256, 512];

async function main() {
  const svg = readFileSync(join(assets, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    const shoot = async (size, path) => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    };
    mkdirSync(join(assets, 'icons'), { recursive: true });
    for (const size of sizes) await shoot(size, join(assets, 'icons', `${size}x${size}.png`));
    await shoot(1024, join(assets, 'icon.png'));
    process.stdout.write(`wrote assets/icon.png (1024) and assets/icons/{${sizes.join(',')}}\n`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`icons: ${error && error.message ? error.message : String(error)}\n`);
  process.exit(1);
});
