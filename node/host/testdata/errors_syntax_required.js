// a required file's SyntaxError: Node's arrow names that file, not the require call
require('./required/bad_token.js');
