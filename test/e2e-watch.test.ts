import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { copyEdition, removeDir, CHROMIUM, CHROMIUM_ARGS, cliPath } from './helpers.js';


describe('editio serve --watch (end to end, in Chromium)', function () {
  this.timeout(180_000);
  let edition: string;
  let child: ChildProcess;
  let browser: Browser;
  let log = '';
  const waitForLog = async (pattern: RegExp, from: number): Promise<string> => {
    const end = Date.now() + 60_000;
    while (!pattern.test(log.slice(from))) {
      if (Date.now() > end) throw new Error(`no ${pattern} in:\n${log.slice(from)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return log.slice(from);
  };

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      (skipped: ${CHROMIUM} is missing; install Debian's chromium to run the browser tests)`);
      this.skip();
    }
    edition = copyEdition();
    child = spawn(process.execPath, [cliPath, 'serve', '--watch', '--port', '0'], {
      cwd: edition,
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  after(async () => {
    child?.kill();
    await browser?.close();
    if (edition) removeDir(edition);
  });

  it('builds, serves, rebuilds on save only what changed, and reloads the open page', async () => {
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(await waitForLog(/Serving .* at http/, 0))![1]!;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${url}documents/1966-09-21-giap-decision.html`);
    expect(await page.textContent('main')).not.to.contain('Saved while watching');

    const source = path.join(edition, 'tei', '1966-09-21-giap-decision.xml');
    const original = readFileSync(source, 'utf8');
    let from = log.length;
    writeFileSync(source, original.replace('superiors, but', 'superiors (Saved while watching), but'));
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Saved while watching'), undefined, { timeout: 60_000 });
    const rebuilt = await waitForLog(/Built 3 documents/, from);
    expect(rebuilt).to.contain('Changed: tei/1966-09-21-giap-decision.xml');
    expect(rebuilt).to.match(/1 of 5 sources checked/);

    // A broken save is reported with file and line; the server stays up and the next save mends it.
    from = log.length;
    writeFileSync(source, original.replace('</head>', '</hed>'));
    expect(await waitForLog(/Built 2 documents/, from)).to.match(/tei\/1966-09-21-giap-decision\.xml\n {2}\d+:\d+ {2}error {2}not well-formed/);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'This page is not in the current build', undefined, { timeout: 60_000 });
    from = log.length;
    writeFileSync(source, original);
    await waitForLog(/Built 3 documents/, from);
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('superiors, but'), undefined, { timeout: 60_000 });
    // The only errors: the browser's note of the 404 while the document was broken.
    expect(errors.filter((e) => !/status of 404/.test(e))).to.deep.equal([]);
  });
});
