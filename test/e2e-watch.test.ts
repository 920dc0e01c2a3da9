import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

describe('editio serve --watch with its log in the edition folder (end to end)', function () {
  this.timeout(180_000);
  let edition: string;
  let child: ChildProcess | undefined;
  after(() => {
    child?.kill();
    if (edition) removeDir(edition);
  });

  it('builds once, not for every line of its own log; builds again for a save, and reloads the pages only when a build changed something', async () => {
    edition = copyEdition();
    const logFile = path.join(edition, 'serve.log');
    // As `editio serve --watch > serve.log 2>&1` in the edition's folder.
    const fd = openSync(logFile, 'w');
    child = spawn(process.execPath, [cliPath, 'serve', '--watch', '--port', '0'], {
      cwd: edition,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    const log = (): string => readFileSync(logFile, 'utf8');
    const builds = (): number => (log().match(/^Built \d+ documents/gm) ?? []).length;
    const until = async (test: () => boolean): Promise<void> => {
      for (const end = Date.now() + 60_000; !test(); await new Promise((resolve) => setTimeout(resolve, 100)))
        if (Date.now() > end) throw new Error(`timed out; log:\n${log().slice(0, 3000)}`);
    };
    await until(() => /Serving .* at http/.test(log()));
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log())![1]!;
    const reloads: string[] = [];
    const events = new AbortController();
    void fetch(`${url}__editio/live`, { signal: events.signal })
      .then(async (res) => {
        for await (const chunk of res.body!)
          reloads.push(
            ...(Buffer.from(chunk)
              .toString()
              .match(/event: reload/g) ?? []),
          );
      })
      .catch(() => undefined);
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(builds(), log()).to.equal(1);
      expect(statSync(logFile).size).to.be.below(10_000);

      // A file the build does not read (a note beside the sources) is no change either.
      writeFileSync(path.join(edition, 'notes.txt'), 'to do');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(builds()).to.equal(1);

      // A save that changes nothing builds, and reloads nothing.
      const source = path.join(edition, 'tei', '1966-09-21-giap-decision.xml');
      const original = readFileSync(source, 'utf8');
      writeFileSync(source, original);
      await until(() => builds() === 2);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(reloads).to.deep.equal([]);

      writeFileSync(source, original.replace('superiors, but', 'superiors (saved), but'));
      await until(() => builds() === 3);
      await until(() => reloads.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(builds(), log()).to.equal(3);
    } finally {
      events.abort();
    }
  });
});
