/**
 * Scans for the tests, drawn with sharp: a page of paper with lines of handwriting-like text and
 * a page number, so that a screenshot shows which page is in view. Never committed: made where a
 * test needs them.
 */
import { mkdirSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { fixtures, tempDir } from '../helpers.js';

export async function drawScan(file: string, width: number, height: number, page: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const lines = Array.from({ length: 12 }, (_, i) => {
    const y = Math.round(height * (0.18 + i * 0.055));
    return `<line x1="${width * 0.1}" y1="${y}" x2="${width * (0.85 - (i % 3) * 0.1)}" y2="${y}" stroke="#3b2f22" stroke-width="${Math.max(2, width / 300)}" stroke-dasharray="${width / 40} ${width / 120}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#eadfc4"/><rect x="${width * 0.04}" y="${height * 0.03}" width="${width * 0.92}" height="${height * 0.94}" fill="none" stroke="#b9a77f" stroke-width="${width / 200}"/>${lines}<text x="${width / 2}" y="${height * 0.1}" font-size="${width / 10}" text-anchor="middle" fill="#7a2e1d" font-family="DejaVu Sans">${page}</text></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(file);
}

/** The letters-with-facsimiles fixture in a temp folder, with its scans drawn. */
export async function facsimileEdition(): Promise<string> {
  const dir = tempDir('editio-facsimiles-');
  await cp(path.join(fixtures, 'editions', 'letters-with-facsimiles'), dir, { recursive: true });
  await drawScan(path.join(dir, 'scans', '1896-05-03-1.jpg'), 2000, 2800, '1r');
  await drawScan(path.join(dir, 'scans', '1896-05-03-1-klein.jpg'), 200, 280, '1r');
  await drawScan(path.join(dir, 'scans', '1896-05-03-2.jpg'), 1800, 2600, '1v');
  return dir;
}
