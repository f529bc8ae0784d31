/**
 * Text for XML 1.0 documents (the Atom feeds, the OpenSearch description).
 * Stored articles come from OCR and old feeds and may hold control characters
 * or lone surrogates; XML 1.0 forbids them even as character references, and a
 * single one makes a strict feed reader reject the whole document, so they are
 * dropped rather than escaped.
 */

// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the u flag a lone surrogate is one code point in U+D800–U+DFFF, outside the allowed ranges.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function removeInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, "");
}

/** Safe in element content and in attribute values, quoted either way. */
export function escapeXml(text: string): string {
  return removeInvalidXmlChars(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
