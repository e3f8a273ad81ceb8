// protobufjs (from a .proto string) and @msgpack/msgpack encode and decode
const protobuf = require('protobufjs');
const msgpack = require('@msgpack/msgpack');
const root = protobuf.parse(`syntax = "proto3"; package t;
message Person { string name = 1; int32 id = 2; repeated string emails = 3; map<string, int64> scores = 4; Kind kind = 5; }
enum Kind { A = 0; B = 1; }`).root;
const Person = root.lookupType('t.Person');
const p = { name: 'ann', id: 150, emails: ['a@x', 'b@y'], scores: { m: 7 }, kind: 1 };
console.log(Person.verify(p));
const buf = Person.encode(Person.create(p)).finish();
console.log(Buffer.from(buf).toString('hex'));
console.log(JSON.stringify(Person.toObject(Person.decode(buf), { longs: String, enums: String })));
console.log(Person.verify({ id: 'x' }));
const mp = msgpack.encode({ a: 1, b: [true, null, 'str'], c: new Uint8Array([1, 2]), d: 1.5, e: 2 ** 40 });
console.log(Buffer.from(mp).toString('hex'), msgpack.decode(mp));
