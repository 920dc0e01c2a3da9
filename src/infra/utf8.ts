/** The first line (from 1) of bytes that is not UTF-8, or undefined if all of them are: for a message that says where to look. */
export function lineNotUtf8(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    try {
      decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
    } catch {
      return line;
    }
    start = end < 0 ? bytes.length : end + 1;
  }
  return undefined;
}
