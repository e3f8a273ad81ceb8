'use strict';
// A tiny WebAssembly binary encoder for the tests (no external tools):
// build({...}) returns a Uint8Array module. Bodies are raw opcode bytes;
// op.* helps with the common ones.
const T = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, externref: 0x6f, funcref: 0x70 };

function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}
function sleb(n) {
  n = BigInt(n);
  const out = [];
  for (;;) {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && (b & 0x40) === 0) || (n === -1n && (b & 0x40) !== 0)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}
const str = (s) => { const b = [...Buffer.from(s, 'utf8')]; return [...leb(b.length), ...b]; };
const vec = (items) => [...leb(items.length), ...items.flat()];
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const limits = (min, max) => (max === undefined ? [0, ...leb(min)] : [1, ...leb(min), ...leb(max)]);

const op = {
  get: (i) => [0x20, ...leb(i)],
  set: (i) => [0x21, ...leb(i)],
  i32: (n) => [0x41, ...sleb(n)],
  i64: (n) => [0x42, ...sleb(n)],
  f64: (x) => { const b = Buffer.alloc(8); b.writeDoubleLE(x); return [0x44, ...b]; },
  call: (i) => [0x10, ...leb(i)],
  gget: (i) => [0x23, ...leb(i)],
  gset: (i) => [0x24, ...leb(i)],
  load: [0x28, 2, 0], store: [0x36, 2, 0], load8: [0x2d, 0, 0], store8: [0x3a, 0, 0],
  grow: [0x40, 0], size: [0x3f, 0],
  add: [0x6a], sub: [0x6b], mul: [0x6c], divs: [0x6d], eqz: [0x45], lts: [0x48],
  unreachable: [0x00], drop: [0x1a], ret: [0x0f],
  loop: [0x03, 0x40], block: [0x02, 0x40], if_: [0x04, 0x40], ifi32: [0x04, 0x7f], else_: [0x05], end: [0x0b],
  br: (d) => [0x0c, ...leb(d)], brif: (d) => [0x0d, ...leb(d)],
};

function build(m) {
  const out = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  for (const c of m.customsFirst || []) out.push(...section(0, [...str(c.name), ...c.bytes]));
  if (m.types) out.push(...section(1, vec(m.types.map(([p, r]) => [0x60, ...vec(p.map((t) => [T[t]])), ...vec(r.map((t) => [T[t]]))]))));
  if (m.imports) {
    out.push(...section(2, vec(m.imports.map((im) => {
      const head = [...str(im.module), ...str(im.name)];
      switch (im.kind) {
        case 'func': return [...head, 0, ...leb(im.type)];
        case 'memory': return [...head, 2, ...limits(im.min, im.max)];
        case 'global': return [...head, 3, T[im.type], im.mut ? 1 : 0];
        case 'table': return [...head, 1, 0x70, ...limits(im.min, im.max)];
      }
    }))));
  }
  if (m.funcs) out.push(...section(3, vec(m.funcs.map((f) => leb(f.type)))));
  if (m.table) out.push(...section(4, vec([[0x70, ...limits(m.table.min, m.table.max)]])));
  if (m.memory) out.push(...section(5, vec([limits(m.memory.min, m.memory.max)])));
  if (m.globals) out.push(...section(6, vec(m.globals.map((g) => [T[g.type], g.mut ? 1 : 0, ...g.init, 0x0b]))));
  if (m.exports) {
    const kinds = { func: 0, table: 1, memory: 2, global: 3 };
    out.push(...section(7, vec(m.exports.map((e) => [...str(e.name), kinds[e.kind || 'func'], ...leb(e.index)]))));
  }
  if (m.start !== undefined) out.push(...section(8, leb(m.start)));
  if (m.funcs) {
    out.push(...section(10, vec(m.funcs.map((f) => {
      const locals = f.locals ? vec(f.locals.map(([n, t]) => [...leb(n), T[t]])) : [0];
      const body = [...locals, ...f.body.flat(), 0x0b];
      return [...leb(body.length), ...body];
    }))));
  }
  if (m.data) out.push(...section(11, vec(m.data.map((d) => [0, 0x41, ...sleb(d.offset), 0x0b, ...vec([...d.bytes].map((x) => [x]))]))));
  for (const c of m.customs || []) out.push(...section(0, [...str(c.name), ...c.bytes]));
  return new Uint8Array(out);
}

module.exports = { build, op, leb, sleb, section, vec, str };
