import { expect } from 'chai';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkImage, TILE_SIZE, tileImage } from '../../src/iiif/tiles.js';
import { removeDir, tempDir } from '../helpers.js';
import { drawScan } from './scans.js';

/** Every image request OpenSeadragon makes of a level 0 IIIF 3 service, level by level (its IIIFTileSource.getTileUrl). */
function viewerRequests(width: number, height: number, scaleFactors: number[]): string[] {
  const requests: string[] = [];
  for (const s of scaleFactors) {
    const [w, h] = [Math.ceil(width / s), Math.ceil(height / s)];
    const size = (sw: number, sh: number): string => (sw === width && sh === height ? 'max' : `${sw},${sh}`);
    if (w < TILE_SIZE && h < TILE_SIZE) {
      requests.push(`full/${size(w, h)}/0/default.jpg`);
      continue;
    }
    for (let x = 0; x * TILE_SIZE < w; x++)
      for (let y = 0; y * TILE_SIZE < h; y++) {
        const [rx, ry] = [x * TILE_SIZE * s, y * TILE_SIZE * s];
        const region =
          rx === 0 && ry === 0 && TILE_SIZE * s >= width && TILE_SIZE * s >= height
            ? 'full'
            : [rx, ry, Math.min(TILE_SIZE * s, width - rx), Math.min(TILE_SIZE * s, height - ry)].join(',');
        requests.push(`${region}/${size(Math.min(TILE_SIZE, w - x * TILE_SIZE), Math.min(TILE_SIZE, h - y * TILE_SIZE))}/0/default.jpg`);
      }
  }
  return requests;
}

describe('iiif/tiles: a scan as a static IIIF level 0 image service', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = tempDir();
  });
  after(() => removeDir(dir));

  for (const [width, height] of [
    [2100, 3000],
    [400, 300],
  ] as const) {
    it(`has every file a viewer asks for, for a ${width}×${height} scan, and an info.json that says so`, async () => {
      const scan = path.join(dir, `scan-${width}.jpg`);
      await drawScan(scan, width, height, '1r');
      const work = path.join(dir, `service-${width}`);
      const { image, files } = await tileImage(scan, work, { width, height }, 'https://example.org/iiif/images/scan');
      for (const request of viewerRequests(width, height, image.scaleFactors)) expect(existsSync(path.join(work, request)), request).to.equal(true);
      const info = JSON.parse(readFileSync(path.join(work, 'info.json'), 'utf8'));
      expect(info).to.include({ id: 'https://example.org/iiif/images/scan', type: 'ImageService3', profile: 'level0', width, height });
      for (const s of info.sizes) expect(files).to.include(`full/${s.width},${s.height}/0/default.jpg`);
      expect(image.plate.width).to.equal(Math.min(width, 1600));
      expect(files.every((f) => existsSync(path.join(work, f)))).to.equal(true);
    });
  }

  it('makes the same files twice', async () => {
    const scan = path.join(dir, 'scan-2100.jpg');
    const a = await tileImage(scan, path.join(dir, 'a'), { width: 2100, height: 3000 }, 'x');
    await tileImage(scan, path.join(dir, 'b'), { width: 2100, height: 3000 }, 'x');
    for (const f of a.files) expect(readFileSync(path.join(dir, 'b', f)).equals(readFileSync(path.join(dir, 'a', f))), f).to.equal(true);
  });

  it('refuses an unreadable file, and one too large, before decoding it', async () => {
    const bad = path.join(dir, 'bad.jpg');
    writeFileSync(bad, 'this is no JPEG');
    expect(await checkImage(bad, statSync(bad).size, { maxMegapixels: 100, maxMegabytes: 100 }))
      .to.have.property('problem')
      .that.matches(/cannot be read as an image/);
    const scan = path.join(dir, 'scan-2100.jpg');
    expect(await checkImage(scan, statSync(scan).size, { maxMegapixels: 5, maxMegabytes: 100 }))
      .to.have.property('problem')
      .that.matches(/6 megapixels \(2100×3000\), more than the 5 .*maxImageMegapixels/);
    expect(await checkImage(scan, 5 * 1024 * 1024, { maxMegapixels: 100, maxMegabytes: 1 }))
      .to.have.property('problem')
      .that.matches(/5 MB, more than the 1 MB/);
    expect(await checkImage(scan, statSync(scan).size, { maxMegapixels: 100, maxMegabytes: 100 })).to.deep.equal({ width: 2100, height: 3000 });
  });
});
