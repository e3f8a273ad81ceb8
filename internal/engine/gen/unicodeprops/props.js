// Prints, as JSON, V8's ranges of every Unicode property expression the
// generator asks for (argv: names of Go's unicode.Scripts), and the short
// names of the scripts (every [A-Z][a-z]{3} code V8 takes).
'use strict';
const binary = ['ASCII', 'ASCII_Hex_Digit', 'Alphabetic', 'Any', 'Assigned', 'Bidi_Control', 'Bidi_Mirrored',
  'Case_Ignorable', 'Cased', 'Changes_When_Casefolded', 'Changes_When_Casemapped', 'Changes_When_Lowercased',
  'Changes_When_NFKC_Casefolded', 'Changes_When_Titlecased', 'Changes_When_Uppercased', 'Dash',
  'Default_Ignorable_Code_Point', 'Deprecated', 'Diacritic', 'Emoji', 'Emoji_Component', 'Emoji_Modifier',
  'Emoji_Modifier_Base', 'Emoji_Presentation', 'Extended_Pictographic', 'Extender', 'Grapheme_Base',
  'Grapheme_Extend', 'Hex_Digit', 'IDS_Binary_Operator', 'IDS_Trinary_Operator', 'ID_Continue', 'ID_Start',
  'Ideographic', 'Join_Control', 'Logical_Order_Exception', 'Lowercase', 'Math', 'Noncharacter_Code_Point',
  'Pattern_Syntax', 'Pattern_White_Space', 'Quotation_Mark', 'Radical', 'Regional_Indicator', 'Sentence_Terminal',
  'Soft_Dotted', 'Terminal_Punctuation', 'Unified_Ideograph', 'Uppercase', 'Variation_Selector', 'White_Space',
  'XID_Continue', 'XID_Start'];
const gcs = ['C', 'Cc', 'Cf', 'Cn', 'Co', 'Cs', 'L', 'LC', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd',
  'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs'];
// scripts V8 has that Go's unicode may lack
const extra = ['Garay', 'Gurung_Khema', 'Kirat_Rai', 'Ol_Onal', 'Sunuwar', 'Todhri', 'Tulu_Tigalari', 'Beria_Erfe',
  'Sidetic', 'Tai_Yo', 'Tolong_Siki', 'Unknown'];
function ranges(re) {
  const out = [];
  let lo = -1;
  for (let c = 0; c <= 0x110000; c++) {
    const m = c < 0x110000 && re.test(String.fromCodePoint(c));
    if (m && lo < 0) lo = c;
    if (!m && lo >= 0) { out.push([lo, c - 1]); lo = -1; }
  }
  return out;
}
const valid = (p) => { try { new RegExp(`\\p{${p}}`, 'u'); return true; } catch { return false; } };
const out = { node: process.version, unicode: process.versions.unicode, binary: {}, gc: {}, sc: {}, scx: {}, scAlias: {} };
for (const b of binary) out.binary[b] = ranges(new RegExp(`^\\p{${b}}$`, 'u'));
for (const g of gcs) out.gc[g] = ranges(new RegExp(`^\\p{gc=${g}}$`, 'u'));
const names = [...new Set([...process.argv.slice(2), ...extra])].filter((n) => valid('sc=' + n));
for (const s of names) {
  out.sc[s] = ranges(new RegExp(`^\\p{sc=${s}}$`, 'u'));
  out.scx[s] = ranges(new RegExp(`^\\p{scx=${s}}$`, 'u'));
}
const key = (rs) => JSON.stringify(rs);
const byRanges = new Map(names.map((s) => [key(out.sc[s]), s]));
const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', a = A.toLowerCase();
for (const c0 of A) for (const c1 of a) for (const c2 of a) for (const c3 of a) {
  const code = c0 + c1 + c2 + c3;
  if (names.includes(code) || !valid('sc=' + code)) continue;
  const long = byRanges.get(key(ranges(new RegExp(`^\\p{sc=${code}}$`, 'u'))));
  if (long) out.scAlias[code] = long;
}
console.log(JSON.stringify(out));
