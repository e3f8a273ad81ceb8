// Node vm: a result object with __proto__ key
JSON.parse('{"__proto__": {"__escaped": true}, "constructor": {"prototype": {"__escaped": true}}}')
