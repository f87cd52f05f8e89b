/**
 * RFC 5545 §3.1 line folding: no line longer than 75 octets (CRLF not counted); a continuation line
 * starts with one space. Never splits a UTF-8 sequence or a surrogate pair. Written here because
 * ical-generator's own folding allocates a TextEncoder per character (seconds for a 2,000-site file).
 */
const LIMIT = 75;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

function foldLine(line: string): string {
  // Most lines are short ASCII: nothing to do.
  if (line.length <= LIMIT && !/[^\x00-\x7f]/.test(line)) return line;
  let out = '';
  let used = 0;
  let start = 0;
  let index = 0;
  while (index < line.length) {
    const codePoint = line.codePointAt(index)!;
    const width = utf8Length(codePoint);
    const units = codePoint > 0xffff ? 2 : 1;
    if (used + width > LIMIT) {
      out += `${line.slice(start, index)}\r\n `;
      start = index;
      used = 1; // the continuation's leading space
    }
    used += width;
    index += units;
  }
  return out + line.slice(start);
}

/** Folds every CRLF-separated line of `text`. */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}
