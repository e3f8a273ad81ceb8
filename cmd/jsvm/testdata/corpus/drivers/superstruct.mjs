// superstruct and valibot: schema validation, coercion and their error messages
import { object, string, number, array, optional, enums, assert as sAssert, create, defaulted, StructError, validate } from 'superstruct';
import * as v from 'valibot';
const User = object({ name: string(), age: number(), tags: optional(array(string())), role: defaulted(enums(['a', 'b']), 'a') });
console.log(create({ name: 'x', age: 3 }, User));
try { sAssert({ name: 1, age: 'x' }, User); } catch (e) { console.log(e instanceof StructError, e.message, e.path, e.failures().length); }
console.log(validate({ name: 'n', age: 1, tags: [1] }, User)[0].message);
const Schema = v.object({ email: v.pipe(v.string(), v.email()), n: v.pipe(v.number(), v.minValue(2)), opt: v.optional(v.string(), 'dflt') });
console.log(v.parse(Schema, { email: 'a@b.co', n: 3 }));
const r = v.safeParse(Schema, { email: 'nope', n: 1 });
console.log(r.success, r.issues.map((i) => [i.message, v.getDotPath(i)]));
console.log(v.flatten(r.issues));
