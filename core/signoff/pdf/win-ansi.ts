/** Characters outside Latin-1 that WinAnsi (Windows-1252) still has. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Letters that do not decompose into a base letter plus marks. */
const SPECIAL: Record<string, string> = {
  Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't', Ŋ: 'N', ŋ: 'n',
  ĸ: 'k', Œ: 'OE', ſ: 's', Ǝ: 'E', ə: 'e', Ɛ: 'E', ɛ: 'e', '\u2011': '-', '\u2212': '-', '\u00a0': ' ',
  '\u2009': ' ', '\u202f': ' ', '\u2026': '...', '\u2192': '->', '\u2190': '<-', '\u2713': 'v', '\u00ad': '',
};

const inWinAnsi = (ch: string) => {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch);
};

/**
 * Text the standard PDF fonts (Helvetica, WinAnsi encoding) can draw: characters WinAnsi has stay
 * ("Köln"), others lose their accents ("Łódź" → "Lodz"), and what has no Latin form (CJK, emoji)
 * becomes "?". Control characters become spaces.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    if (inWinAnsi(ch)) out += ch;
    else if (ch === '\n' || ch === '\t' || ch === '\r') out += ' ';
    else if (SPECIAL[ch] !== undefined) out += SPECIAL[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base !== ch && [...base].every(inWinAnsi) ? base : '?';
    }
  }
  return out;
}
