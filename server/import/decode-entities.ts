// The named references seen in news feeds; anything rarer is left as written rather
// than guessed. XML's five are here too, so one decoder serves both layers.
const NAMED: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "",
  ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009", zwnj: "\u200c", zwj: "\u200d",
  ndash: "–", mdash: "—", hellip: "…", middot: "·", bull: "•", prime: "′", Prime: "″",
  lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", laquo: "«", raquo: "»",
  lsaquo: "‹", rsaquo: "›", copy: "©", reg: "®", trade: "™", deg: "°", plusmn: "±", times: "×",
  divide: "÷", micro: "µ", para: "¶", sect: "§", cent: "¢", pound: "£", yen: "¥", euro: "€",
  won: "₩", frac12: "½", frac14: "¼", frac34: "¾", sup2: "²", sup3: "³", iexcl: "¡", iquest: "¿",
  larr: "←", rarr: "→", uarr: "↑", darr: "↓", minus: "−", permil: "‰",
});

const REFERENCE = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function fromCodePoint(code: number): string {
  // NUL, surrogates and out-of-range points become U+FFFD, as browsers do.
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return String.fromCodePoint(valid ? code : 0xfffd);
}

/** Decodes numeric and common named character references; unknown names stay as they are. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X")) return fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return fromCodePoint(Number(ref.slice(1)));
    return NAMED[ref] ?? whole;
  });
}
