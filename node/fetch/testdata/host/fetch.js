// fetch against a local http server (never the network): methods and
// bodies, the default request headers, redirects (follow, manual, error,
// loops), content encodings, aborts before and during the body, a
// connection cut mid-body, a 4 MiB body both ways, and the validation
// errors of Headers, Request, Response and fetch.
'use strict';
const http = require('http');
const zlib = require('zlib');

const net = require('net');
const big = Buffer.alloc(4 * 1024 * 1024, 'abcdefghij');

const server = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    switch (u.pathname) {
      case '/echo': {
        const h = {};
        for (const k of ['accept', 'accept-language', 'sec-fetch-mode', 'user-agent', 'accept-encoding', 'content-type', 'content-length', 'x-a', 'cookie']) h[k] = req.headers[k];
        res.setHeader('content-type', 'application/json');
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.end(JSON.stringify({ method: req.method, url: req.url, h, body: body.length > 200 ? `len ${body.length}` : body.toString() }));
        return;
      }
      case '/redirect': {
        const n = Number(u.searchParams.get('n') || 0);
        const code = Number(u.searchParams.get('code') || 302);
        res.statusCode = code;
        res.setHeader('location', n > 0 ? `/redirect?n=${n - 1}&code=${code}` : '/echo');
        res.end('moved');
        return;
      }
      case '/loop':
        res.statusCode = 301; res.setHeader('location', '/loop'); res.end(); return;
      case '/badloc':
        res.statusCode = 302; res.setHeader('location', 'http://[::1'); res.end(); return;
      case '/gzip':
        res.setHeader('content-encoding', 'gzip'); res.end(zlib.gzipSync('gzipped text')); return;
      case '/deflate':
        res.setHeader('content-encoding', 'deflate'); res.end(zlib.deflateSync('deflated text')); return;
      case '/br':
        res.setHeader('content-encoding', 'br'); res.end(zlib.brotliCompressSync('brotli text')); return;
      case '/badgzip':
        res.setHeader('content-encoding', 'gzip'); res.end('this is not gzip'); return;
      case '/big':
        res.setHeader('content-length', big.length); res.end(big); return;
      case '/status':
        res.statusCode = Number(u.searchParams.get('s')); res.end(res.statusCode === 204 || res.statusCode === 304 ? undefined : 'st'); return;
      case '/cut':
        res.setHeader('content-length', '1000');
        res.write('partial');
        setTimeout(() => res.socket.destroy(), 20);
        return;
      case '/slow':
        res.setHeader('content-length', '100');
        res.write('first');
        return; // never finishes; the client aborts
      case '/form':
        res.setHeader('content-type', req.headers['content-type']);
        res.end(body);
        return;
      default:
        res.statusCode = 404; res.end('nope');
    }
  });
});

function errInfo(e) {
  const c = e && e.cause;
  const cm = c && !c.code ? ` ${c.message}` : '';
  return `${e && e.name}: ${e && e.message}${c ? ` (cause ${c.name}${c.code ? ' ' + c.code : ''}${cm})` : ''}`;
}
async function step(name, fn) {
  try { console.log(name, await fn()); } catch (e) { console.log(name, 'threw', errInfo(e)); }
}
function sync(name, fn) {
  try { console.log(name, fn()); } catch (e) { console.log(name, 'threw', e.name + ': ' + e.message); }
}

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  await step('get', async () => {
    const r = await fetch(`${base}/echo?q=1`);
    const j = await r.json();
    return [r.status, r.ok, r.statusText, r.type, r.redirected, r.url === `${base}/echo?q=1`, r.headers.get('content-type'), r.headers.getSetCookie(), JSON.stringify(j)];
  });
  await step('post string', async () => {
    const r = await fetch(`${base}/echo`, { method: 'post', body: 'hello', headers: { 'X-A': 'b', cookie: 'c=1' } });
    return (await r.json());
  });
  await step('post json headers obj', async () => (await (await fetch(`${base}/echo`, { method: 'PUT', body: JSON.stringify({ a: 1 }), headers: new Headers([['content-type', 'application/json']]) })).json()).h);
  await step('post urlsearchparams', async () => (await (await fetch(`${base}/echo`, { method: 'POST', body: new URLSearchParams({ a: '1', b: 'x y' }) })).json()));
  await step('post bytes', async () => (await (await fetch(`${base}/echo`, { method: 'POST', body: new Uint8Array([104, 105]) })).json()).body);
  await step('post blob', async () => (await (await fetch(`${base}/echo`, { method: 'POST', body: new Blob(['bl', 'ob'], { type: 'text/x-blob' }) })).json()));
  await step('post stream', async () => {
    const body = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('str')); c.enqueue(new TextEncoder().encode('eam')); c.close(); } });
    const r = await fetch(`${base}/echo`, { method: 'POST', body, duplex: 'half' });
    return (await r.json()).body;
  });
  await step('post stream no duplex', async () => fetch(`${base}/echo`, { method: 'POST', body: new ReadableStream() }));
  await step('post empty', async () => (await (await fetch(`${base}/echo`, { method: 'POST' })).json()).h['content-length']);
  await step('form roundtrip', async () => {
    const fd = new FormData();
    fd.append('a', '1');
    fd.append('f', new Blob(['file body'], { type: 'text/plain' }), 'f.txt');
    const r = await fetch(`${base}/form`, { method: 'POST', body: fd });
    const back = await r.formData();
    const f = back.get('f');
    return [back.get('a'), f.name, f.type, await f.text(), r.headers.get('content-type').startsWith('multipart/form-data; boundary=')];
  });
  await step('big up', async () => (await (await fetch(`${base}/echo`, { method: 'POST', body: big })).json()).body);
  await step('big down', async () => {
    const r = await fetch(`${base}/big`);
    const b = Buffer.from(await r.arrayBuffer());
    return [b.length, b.equals(big)];
  });
  await step('big down stream', async () => {
    const r = await fetch(`${base}/big`);
    let n = 0;
    for await (const c of r.body) n += c.byteLength;
    return n;
  });
  await step('redirect follow', async () => {
    const r = await fetch(`${base}/redirect?n=2`);
    return [r.status, r.redirected, new URL(r.url).pathname, (await r.json()).method];
  });
  await step('redirect 303 post', async () => {
    const r = await fetch(`${base}/redirect?code=303`, { method: 'POST', body: 'x' });
    return [(await r.json()).method, r.redirected];
  });
  await step('redirect 307 post', async () => {
    const r = await fetch(`${base}/redirect?code=307`, { method: 'POST', body: 'keep' });
    const j = await r.json();
    return [j.method, j.body];
  });
  await step('redirect manual', async () => {
    const r = await fetch(`${base}/redirect`, { redirect: 'manual' });
    return [r.status, r.headers.get('location'), r.redirected, await r.text()];
  });
  await step('redirect error', async () => fetch(`${base}/redirect`, { redirect: 'error' }));
  await step('redirect loop', async () => fetch(`${base}/loop`));
  await step('bad redirect option', async () => fetch(`${base}/redirect`, { redirect: 'sideways' }));
  await step('gzip', async () => (await fetch(`${base}/gzip`)).text());
  await step('deflate', async () => (await fetch(`${base}/deflate`)).text());
  await step('br', async () => (await fetch(`${base}/br`)).text());
  await step('bad gzip', async () => (await fetch(`${base}/badgzip`)).text());
  await step('404', async () => { const r = await fetch(`${base}/none`); return [r.status, r.ok, r.statusText, await r.text()]; });
  await step('204', async () => { const r = await fetch(`${base}/status?s=204`); return [r.status, r.body, await r.text()]; });
  await step('500 msg', async () => { const r = await fetch(`${base}/status?s=500`); return [r.status, r.statusText]; });
  await step('head', async () => { const r = await fetch(`${base}/echo`, { method: 'HEAD' }); return [r.status, r.body, r.headers.get('content-type')]; });
  await step('cut mid-body', async () => { const r = await fetch(`${base}/cut`); return r.text(); });
  await step('abort before', async () => { const ac = new AbortController(); ac.abort(); return fetch(`${base}/echo`, { signal: ac.signal }); });
  await step('abort reason', async () => { const ac = new AbortController(); ac.abort(new Error('mine')); return fetch(`${base}/echo`, { signal: ac.signal }); });
  await step('abort mid-body', async () => {
    const ac = new AbortController();
    const r = await fetch(`${base}/slow`, { signal: ac.signal });
    const reader = r.body.getReader();
    const first = await reader.read();
    setTimeout(() => ac.abort(), 10);
    try { await reader.read(); return 'no abort'; } catch (e) { return [Buffer.from(first.value).toString(), e.name]; }
  });
  await step('abort timeout signal', async () => fetch(`${base}/slow`, { signal: AbortSignal.timeout(30) }).then((r) => r.text()));
  await step('body twice', async () => { const r = await fetch(`${base}/echo`); await r.text(); return [r.bodyUsed, await r.text()]; });
  await step('clone', async () => { const r = await fetch(`${base}/echo`); const c = r.clone(); return [(await r.json()).method, (await c.json()).method]; });
  await step('refused', async () => {
    const s = http.createServer(); await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
    const p = s.address().port; await new Promise((ok) => s.close(ok));
    return fetch(`http://127.0.0.1:${p}/`);
  });
  await step('bad url', async () => fetch('not a url'));
  await step('relative url', async () => fetch('/echo'));
  await step('credentials url', async () => fetch('http://u:p@127.0.0.1/'));
  await step('ftp', async () => fetch('ftp://127.0.0.1/'));
  await step('no args', async () => fetch());
  await step('bad method', async () => fetch(`${base}/echo`, { method: 'BAD METHOD' }));
  await step('connect method', async () => fetch(`${base}/echo`, { method: 'CONNECT' }));
  await step('get with body', async () => fetch(`${base}/echo`, { body: 'x' }));
  await step('bad header name', async () => fetch(`${base}/echo`, { headers: { 'bad name': 'x' } }));
  await step('bad header value', async () => fetch(`${base}/echo`, { headers: { a: 'x\r\ny: z' } }));
  await step('data url', async () => { const r = await fetch('data:text/plain;base64,aGVsbG8='); return [r.status, r.headers.get('content-type'), await r.text()]; });
  await step('data url plain', async () => (await fetch('data:,a%20b')).text());

  sync('headers', () => {
    const h = new Headers({ B: '2', a: ' 1 ' });
    h.append('a', '3'); h.append('Set-Cookie', 'x=1'); h.append('set-cookie', 'y=2');
    return [[...h], h.get('A'), h.has('b'), h.get('missing'), h.getSetCookie()];
  });
  sync('headers bad pair', () => new Headers([['a']]));
  sync('headers bad init', () => new Headers(5));
  sync('headers get bad', () => new Headers().get('a b'));
  sync('headers append 1 arg', () => new Headers().append('a'));
  sync('headers illegal', () => Headers.prototype.get.call({}, 'a'));
  sync('response bad status', () => new Response('x', { status: 99 }));
  sync('response 204 body', () => new Response('x', { status: 204 }));
  sync('response.json', () => { const r = Response.json({ a: 1 }, { status: 201 }); return [r.status, r.headers.get('content-type')]; });
  sync('response.redirect', () => { const r = Response.redirect('http://a.example/x', 301); return [r.status, r.headers.get('location')]; });
  sync('response.redirect bad', () => Response.redirect('http://a.example/', 200));
  sync('response.error', () => { const r = Response.error(); return [r.type, r.status]; });
  sync('request', () => { const r = new Request('http://a.example/p?q', { method: 'delete' }); return [r.method, r.url, r.redirect, r.mode, r.credentials, r.cache]; });
  sync('request lower method', () => new Request('http://a.example/', { method: 'foo' }).method);
  sync('request bad init', () => new Request('http://a.example/', 5));
  sync('formdata', () => { const f = new FormData(); f.append('a', 1); f.append('a', 2); f.set('b', 'x'); return [f.getAll('a'), f.get('b'), [...f.keys()]]; });
  sync('formdata blob filename', () => { const f = new FormData(); f.append('f', new Blob(['x'])); return [f.get('f').name, f.get('f') instanceof File]; });
  sync('throwing init getter', () => new Request('http://a.example/', { get method() { throw new Error('getter'); } }));
  sync('throwing headers proxy', () => new Headers(new Proxy({}, { ownKeys() { throw new Error('ownKeys trap'); } })));
  sync('throwing pair iterator', () => new Headers({ [Symbol.iterator]() { throw new Error('iter'); } }));
  sync('header value object', () => new Headers({ a: { toString() { return 'obj'; } } }).get('a'));
  sync('formdata bad 3 args', () => new FormData().append('a', 'b', 'c'));
  await step('throwing body iterator', async () => {
    const body = { async *[Symbol.asyncIterator]() { yield new Uint8Array([1]); throw new Error('iter failed'); } };
    return new Response(body).text();
  });
  await step('non-bytes chunk', async () => new Response(new ReadableStream({ start(c) { c.enqueue('str'); c.close(); } })).text());
  await step('response text', async () => new Response('héllo').text());
  await step('response arrayBuffer', async () => (await new Response(new Uint8Array([1, 2, 3])).arrayBuffer()).byteLength);
  await step('response blob', async () => { const b = await new Response('xy', { headers: { 'content-type': 'text/x' } }).blob(); return [b.size, b.type]; });
  await step('response bad json', async () => new Response('{').json().catch((e) => e.name));
  await step('response urlencoded formData', async () => [...(await new Response(new URLSearchParams('a=1&b=2')).formData())]);
  // A raw server for what Go's http server cannot send: a reason phrase
  // of its own, a close before any head, a chunked body cut short.
  const raw = net.createServer((sock) => {
    sock.once('data', (d) => {
      const path = String(d).split(' ')[1];
      if (path === '/reason') sock.end('HTTP/1.1 418 Custom Msg\r\ncontent-length: 2\r\nX-Dup: 1\r\nx-dup: 2\r\n\r\nok');
      else if (path === '/nohead') sock.destroy();
      else if (path === '/chunkcut') { sock.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n'); setTimeout(() => sock.destroy(), 20); }
    });
  });
  await new Promise((ok) => raw.listen(0, '127.0.0.1', ok));
  const rbase = `http://127.0.0.1:${raw.address().port}`;
  await step('reason', async () => { const r = await fetch(`${rbase}/reason`); return [r.status, r.statusText, r.ok, r.headers.get('x-dup'), await r.text()]; });
  await step('no head', async () => fetch(`${rbase}/nohead`));
  await step('chunk cut', async () => { const r = await fetch(`${rbase}/chunkcut`); return r.text(); });
  raw.close();
  server.close(() => console.log('closed'));
});
