// ajv-formats: format keywords on top of ajv
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const v = ajv.compile({ type: 'object', properties: { e: { type: 'string', format: 'email' }, d: { type: 'string', format: 'date' }, u: { type: 'string', format: 'uri' }, ip: { type: 'string', format: 'ipv4' }, id: { type: 'string', format: 'uuid' }, t: { type: 'string', format: 'date-time' } } });
console.log(v({ e: 'a@b.co', d: '2024-02-29', u: 'https://x.y/z?q', ip: '10.0.0.1', id: '123e4567-e89b-12d3-a456-426614174000', t: '2024-01-01T00:00:00Z' }));
console.log(v({ e: 'nope', d: '2023-02-29', u: 'rel', ip: '999.1.1.1', id: 'x', t: 'yesterday' }), v.errors.map((e) => e.instancePath + ' ' + e.message));
