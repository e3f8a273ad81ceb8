const b = Buffer.from('héllo wörld');
for (const enc of ['hex', 'utf8', 'latin1', 'ascii', 'base64', 'base64url', 'ucs2']) {
  const w = Buffer.alloc(12);
  console.log(enc, JSON.stringify(b[enc + 'Slice'](1, 7)), JSON.stringify(b[enc + 'Slice']()), w[enc + 'Write'](enc === 'hex' ? 'cafe' : 'hi', 2), w.toString('hex'));
}
const n = Buffer.alloc(16);
n.writeDoubleBE(1.5, 0); n.writeInt32LE(-5, 8); n.writeUInt16BE(0xabcd, 12);
console.log(n.toString('hex'), n.readDoubleBE(0), n.readInt32LE(8), n.readUInt16BE(12), n.readUIntBE(12, 2), n.readBigUInt64LE(0));
try { n.readUInt32LE(14); } catch (e) { console.log(e.code, e.message); }
