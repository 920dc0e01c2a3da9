/** The browser the print edition is laid out in, and the tests look at pages in. */
import { existsSync, statSync } from 'node:fs';

/** Debian's Chromium; never a browser downloaded at install time. */
export const CHROMIUM = process.env.EDITIO_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, no sandbox (it runs in containers), and nothing it does of its own accord reaches the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Which Chromium a PDF would be made with, if any: an input of the print edition, so that
 * installing, upgrading or moving it makes the PDF again (not the old "no Chromium" message).
 */
export function chromiumIdentity(): string {
  try {
    const { size, mtimeMs } = statSync(CHROMIUM);
    return `${CHROMIUM} ${size} ${mtimeMs}`;
  } catch {
    return `${CHROMIUM} missing`;
  }
}
