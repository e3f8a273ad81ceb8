Object.defineProperty(exports, 'thrower', { enumerable: true, get: function () { return boom.x; } });
exports.fine = 1;
