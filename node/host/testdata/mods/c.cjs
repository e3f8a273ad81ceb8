exports.c = "cjs"; if (true) return; exports.c = "no";
