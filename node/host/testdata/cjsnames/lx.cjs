if (false) exports.b = 1;
exports.a = 1;
Object.defineProperty(exports, 'g', { enumerable: true, get() { globalThis.reads = (globalThis.reads || 0) + 1; return 'G'; } });
exports['x-y'] = 2;
module.exports.c = 3;
exports.default = 'dflt';
Object.defineProperty(exports, 'ne', { value: 'non-enumerable' });
exports.later = 1;
