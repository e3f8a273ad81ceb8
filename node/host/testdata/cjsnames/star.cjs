"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var _lx = require("./lx.cjs");
Object.keys(_lx).forEach(function (key) {
  if (key === "default" || key === "__esModule") return;
  if (key in exports && exports[key] === _lx[key]) return;
  Object.defineProperty(exports, key, { enumerable: true, get: function () { return _lx[key]; } });
});
exports.mine = 'm';
