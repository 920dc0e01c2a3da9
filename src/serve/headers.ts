/**
 * The headers every answer of `editio serve` carries: its type, and what the browser may do with
 * it (src/serve/serve.ts sends them).
 */
/**
 * Sent with every answer: pages may use only the edition's own files and may not be framed by
 * another site; anything else (TEI, SVG, JSON) is sandboxed, so no script in a document runs.
 */
const PAGE_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const FILE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; sandbox";
const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
export const headersFor = (type: string, imageHosts: readonly string[] = []): Record<string, string> => ({
  ...HEADERS,
  'Content-Type': type,
  'Content-Security-Policy': type.startsWith('text/html') ? withImageHosts(PAGE_POLICY, imageHosts) : FILE_POLICY,
});

/** The policy with the image servers a page's facsimile names let in (for its images, and the descriptions a viewer fetches). */
const withImageHosts = (policy: string, hosts: readonly string[]): string =>
  hosts.length === 0
    ? policy
    : policy.replace("img-src 'self' data:", `img-src 'self' data: ${hosts.join(' ')}`).replace("connect-src 'self'", `connect-src 'self' ${hosts.join(' ')}`);

/** The image servers a page's own policy lets in (xslt/html/page.xsl names them in its head): its first bytes say. */
export function imageHostsOf(head: string): string[] {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(head)?.[1] ?? '';
  const images = /(?:^|;)\s*img-src([^;]*)/.exec(policy)?.[1] ?? '';
  return images.split(/\s+/).filter((token) => /^https?:\/\/[A-Za-z0-9.:[\]-]+$/.test(token));
}
