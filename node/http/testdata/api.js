// The http API that needs no network: constants, header handling, errors.
const http = require('http');
const show = (v) => console.log(JSON.stringify(v));
const err = (f) => {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(`${e.name} ${e.code} ${e.message}`);
  }
};

show(Object.keys(http.STATUS_CODES).length);
show([http.STATUS_CODES[200], http.STATUS_CODES[404], http.STATUS_CODES[418], http.STATUS_CODES[511]]);
show(http.METHODS);
show(typeof http.createServer);
show(http.createServer() instanceof http.Server);
show(http.createServer() instanceof require('events'));
show(http.createServer().address());
show(http.createServer().listening);

const res = new http.ServerResponse({ method: 'GET', httpVersionMajor: 1, httpVersionMinor: 1 });
show([res.statusCode, res.statusMessage, res.headersSent]);
res.setHeader('X-One', '1');
res.setHeader('Set-Cookie', ['a=1', 'b=2']);
res.setHeader('Content-Length', 5);
show([res.getHeader('x-one'), res.getHeader('set-cookie'), res.getHeader('content-length')]);
show([res.hasHeader('X-ONE'), res.hasHeader('nope'), res.getHeader('nope')]);
show(res.getHeaderNames());
show(res.getRawHeaderNames());
show(Object.entries(res.getHeaders()));
res.removeHeader('x-one');
show(res.getHeaderNames());
err(() => res.setHeader('x y', '1'));
err(() => res.setHeader('a', undefined));
err(() => res.setHeader('ok', 'a\nb'));
err(() => res.getHeader(1));
err(() => res.writeHead(99));
err(() => res.writeHead(1000));
err(() => res.writeHead('abc'));
err(() => http.validateHeaderName(''));
err(() => http.validateHeaderValue('x', undefined));
err(() => http.createServer().listen(70000));
err(() => http.createServer().listen(-1));
