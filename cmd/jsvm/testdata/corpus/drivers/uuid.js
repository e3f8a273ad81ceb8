const { v4, v5, validate, version, NIL, parse, stringify } = require('uuid');
console.log(validate(v4()), version(v4()), v5('hello', v5.DNS), NIL, stringify(parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8')));
