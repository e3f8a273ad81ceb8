const Ajv = require('ajv');
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile({ type: 'object', properties: { n: { type: 'integer', minimum: 1 }, s: { type: 'string', pattern: '^a' } }, required: ['n'], additionalProperties: false });
console.log(validate({ n: 2, s: 'abc' }), validate({ n: 0, s: 'x', z: 1 }), JSON.stringify(validate.errors));
