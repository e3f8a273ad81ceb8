// yup: object schemas, casting, async validation errors
const yup = require('yup');
const schema = yup.object({
  name: yup.string().required().min(2),
  age: yup.number().positive().integer().required(),
  email: yup.string().email(),
  tags: yup.array().of(yup.string()).max(3),
  when: yup.date().default(() => new Date(0)),
});
(async () => {
  console.log(await schema.validate({ name: 'Al', age: '42', email: 'a@b.co', tags: ['x'] }));
  try { await schema.validate({ name: 'A', age: -1, email: 'nope', tags: ['a', 'b', 'c', 'd'] }, { abortEarly: false }); } catch (e) { console.log(e.name, e.errors, e.inner.map((i) => i.path)); }
  console.log(schema.cast({ name: 'Bob', age: '7' }), schema.isValidSync({ name: 'Bob', age: 1.5 }));
  console.log(yup.string().trim().lowercase().cast('  HeLLo '), yup.mixed().oneOf([1, 2]).isValidSync(3));
  const ref = yup.object({ a: yup.number(), b: yup.number().moreThan(yup.ref('a')) });
  console.log(await ref.isValid({ a: 1, b: 2 }), await ref.isValid({ a: 3, b: 2 }));
  console.log(JSON.stringify(schema.describe().fields.name));
})();
