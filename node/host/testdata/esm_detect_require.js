// a top-level declaration of a CommonJS name: node runs the file as an ES module
const path = require('path');
const module = {};
