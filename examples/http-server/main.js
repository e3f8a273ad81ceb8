// The specification's "Running an HTTP server within a VM" example, as
// written: go run ./cmd/jsvm examples/http-server/main.js, then
// curl http://127.0.0.1:8124/
'use strict';
const vm = require('vm');

const code = `
((require) => {
  const http = require('http');

  http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('Hello World\\n');
  }).listen(8124);

  console.log('Server running at http://127.0.0.1:8124/');
})`;

vm.runInThisContext(code)(require);
