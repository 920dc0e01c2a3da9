/**
 * The EPUB's cover, made from the edition's title, subtitle and editors: an SVG picture (a core
 * media type of EPUB 3), so that it is sharp at any size and the same bytes on every build.
 */
import { escapeText } from '../infra/escape.js';

const WIDTH = 1200;
const HEIGHT = 1800;
const MARGIN = 120;

/** Words into lines of at most `width` characters (a longer word has a line of its own). */
function lines(text: string, width: number): string[] {
  const result: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = result.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) result[result.length - 1] = `${last} ${word}`;
    else result.push(word);
  }
  return result;
}

/**
 * A block of lines set from `top`, its size cut down until it fits `maxLines` lines. A serif
 * letter (semibold, in a reader's fallback face) is at most about 0.6 of its size wide; the lines are measured in letters, never in pixels.
 */
function block(text: string, top: number, size: number, maxLines: number, style: string): { svg: string; bottom: number } {
  let fontSize = size;
  let set = lines(text, Math.floor((WIDTH - 2 * MARGIN) / (fontSize * 0.6)));
  while (set.length > maxLines && fontSize > 36) {
    fontSize -= 6;
    set = lines(text, Math.floor((WIDTH - 2 * MARGIN) / (fontSize * 0.6)));
  }
  const leading = Math.round(fontSize * 1.2);
  const svg = set
    .map((line, i) => `<text x="${MARGIN}" y="${top + fontSize + i * leading}" font-size="${fontSize}" ${style}>${escapeText(line)}</text>`)
    .join('\n');
  return { svg, bottom: top + fontSize + (set.length - 1) * leading };
}

/** The cover: the title, the subtitle, the editors ("Edited by", in the edition's words: `editedBy`, its {editors} filled). */
export function coverSvg(edition: { title: string; subtitle?: string | undefined; editors: readonly string[] }, editedBy = 'Edited by {editors}'): string {
  const title = block(edition.title, 300, 96, 6, 'font-weight="600"');
  const subtitle = edition.subtitle ? block(edition.subtitle, title.bottom + 70, 48, 5, 'font-style="italic"') : undefined;
  const editors =
    edition.editors.length > 0 ? block(editedBy.replace('{editors}', edition.editors.join(', ')).replace(/\.$/, ''), HEIGHT - 330, 40, 3, '') : undefined;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">`,
    `<title>${escapeText(edition.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#1f2a44"/>`,
    `<rect x="${MARGIN}" y="200" width="160" height="8" fill="#c9a45c"/>`,
    `<g fill="#f4efe3" font-family="'Source Serif 4', Georgia, 'DejaVu Serif', serif">`,
    title.svg,
    subtitle?.svg ?? '',
    editors?.svg ?? '',
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
