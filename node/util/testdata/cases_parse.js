// Splits inspect_cases.js into cases. A case starts with a line
// "//# title", optionally followed by " @vm" (evaluate in a new vm
// context), " @format" and/or " @opts {...}" (last).
function parse(src) {
  const cases = [];
  let cur = null;
  for (const line of src.split('\n')) {
    const m = /^\/\/# (.*)$/.exec(line);
    if (m) {
      let title = m[1];
      let opts = null, format = false, vm = false;
      if (/ @vm\b/.test(title)) { vm = true; title = title.replace(/ @vm\b/, ''); }
      const f = / @format\b/.exec(title);
      if (f) { format = true; title = title.replace(/ @format\b/, ''); }
      const o = / @opts (.*)$/.exec(title);
      if (o) { opts = o[1]; title = title.slice(0, o.index); }
      cur = { title: title.trim(), opts, format, vm, src: '' };
      cases.push(cur);
    } else if (cur) {
      cur.src += line + '\n';
    }
  }
  return cases;
}
module.exports = { parse };
