// bson: classes with private fields and arrow fields, binary serialisation round trips
const { BSON, ObjectId, Long, Decimal128, Binary, Timestamp } = require('bson');
const id = new ObjectId('64b7f0c2a1b2c3d4e5f60718');
const doc = { id, n: 1, f: 1.5, s: 'x\u00e9', d: new Date(0), big: Long.fromString('9007199254740993'), dec: Decimal128.fromString('1.10'), bin: new Binary(Buffer.from('ab')), ts: new Timestamp({ t: 1, i: 2 }), arr: [1, 'two', null, { deep: true }], re: /a+/im };
const bytes = BSON.serialize(doc);
console.log(bytes.length, Buffer.from(bytes).toString('hex').slice(0, 40));
const back = BSON.deserialize(bytes);
console.log(back.id.toHexString(), back.n, back.f, back.s, back.d.toISOString(), back.big.toString(), back.dec.toString(), Buffer.from(back.bin.buffer).toString(), back.ts.toString(), JSON.stringify(back.arr), String(back.re));
console.log(BSON.EJSON.stringify(doc, { relaxed: false }).length, BSON.calculateObjectSize(doc));
try { BSON.deserialize(Buffer.from([1, 0, 0, 0])); } catch (e) { console.log(e.name, e.message); }
