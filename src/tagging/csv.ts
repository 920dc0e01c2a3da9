/**
 * A spreadsheet saved as CSV, read as its rows with the line each starts on: UTF-8 (with or
 * without a byte-order mark) or UTF-16 with one; comma, semicolon (as Excel writes CSV where the
 * decimal mark is a comma) or tab between cells; quoted cells holding delimiters, quotes ("")
 * and line breaks (RFC 4180). Written here: the format is small, and its errors must name the row.
 */
import { message, type Message } from '../infra/messages.js';
import { lineNotUtf8 } from '../infra/utf8.js';

export interface Sheet {
  /** The header row's cells, as written. */
  header: string[];
  /** Each row after the header: its cells, and the line of the file it starts on. */
  rows: { line: number; cells: string[] }[];
}

/** The file's text, or where it stops being UTF-8. */
function decode(bytes: Uint8Array, file: string): string | { error: Message } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = lineNotUtf8(bytes) ?? 1;
    const reason =
      'the file is not in UTF-8 (this line has characters in another encoding, probably Windows-1252 or Latin-1): save the spreadsheet again as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8; LibreOffice: Character set › Unicode (UTF-8))';
    return { error: message('error', 'import', 'csv-encoding', reason, { file, line }) };
  }
}

/** The delimiter the header row uses most, outside quotes. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '');
  return [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
}

export function readCsv(bytes: Uint8Array, file: string): Sheet | { error: Message } {
  const text = decode(bytes, file);
  if (typeof text !== 'string') return text;
  const delimiter = delimiterOf(text);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      recordLine = ++line;
    } else cell += c;
  }
  if (quoted)
    return {
      error: message('error', 'import', 'csv-malformed', 'a quoted cell opens here and never closes: close its quotes (a quote inside a cell is written "")', {
        file,
        line: quoteLine,
      }),
    };
  if (cell !== '' || cells.length > 0) records.push({ line: recordLine, cells: [...cells, cell] });
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header)
    return {
      error: message('error', 'import', 'csv-malformed', 'the file is empty: a spreadsheet needs a header row (id, name, …) and a row per entry', {
        file,
        line: 1,
      }),
    };
  return { header: header.cells.map((c) => c.trim()), rows: rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })) };
}
