// joi: schema validation, conversion, error details
const Joi = require('joi');
const schema = Joi.object({
  username: Joi.string().alphanum().min(3).max(30).required(),
  password: Joi.string().pattern(/^[a-zA-Z0-9]{3,30}$/),
  birth: Joi.number().integer().min(1900).max(2013),
  email: Joi.string().email({ minDomainSegments: 2, tlds: false }),
  when: Joi.date().iso(),
  list: Joi.array().items(Joi.number()).unique(),
}).with('username', 'birth');
console.log(schema.validate({ username: 'abc', birth: '1994', when: '2020-01-02T03:04:05Z', list: ['1', 2] }));
const r = schema.validate({ username: 'a!', birth: 3000, email: 'x', list: [1, 1] }, { abortEarly: false });
console.log(r.error.name, r.error.message);
console.log(r.error.details.map((d) => [d.type, d.path.join('.')]));
console.log(Joi.string().uuid().validate('123e4567-e89b-12d3-a456-426614174000').error, Joi.any().valid('a', 'b').validate('c').error.message);
(async () => {
  try { await schema.validateAsync({}); } catch (e) { console.log('async', e.details[0].message); }
  console.log(Joi.attempt('  x ', Joi.string().trim()), Joi.isSchema(schema), schema.describe().keys.username.type);
})();
