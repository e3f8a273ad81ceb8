// Client request timeouts as Node: the timeout option, req.setTimeout, socket.setTimeout; a timeout only emits, the caller destroys (socket hang up, its own error, abort); a stalled body; setTimeout(0) clears; bad durations
const http = require('http');
const srv = http.createServer((req, res) => {
  if (req.url === '/slowhead') { setTimeout(() => res.end('late'), 400); return; }
  if (req.url === '/slowbody') { res.write('a'); setTimeout(() => res.end('b'), 400); return; }
  res.end('fast');
});
const log = (...a) => console.log(...a);
srv.listen(0, '127.0.0.1', async () => {
  const port = srv.address().port;
  const run = (label, opts, setup) => new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', ...opts }, (res) => {
      log(label, 'response', res.statusCode);
      res.on('data', (d) => log(label, 'data', String(d)));
      res.on('end', () => log(label, 'end'));
      res.on('aborted', () => log(label, 'res aborted'));
      res.on('error', (e) => log(label, 'res error', e.code, e.message));
      res.on('close', () => { log(label, 'res close'); });
    });
    req.on('timeout', () => { log(label, 'timeout', typeof req.socket); if (setup.onTimeout) setup.onTimeout(req); });
    req.on('error', (e) => log(label, 'error', e.code, e.message));
    req.on('abort', () => log(label, 'abort'));
    req.on('close', () => { log(label, 'close'); setTimeout(resolve, 450); });
    if (setup.before) setup.before(req);
    req.end();
  });
  await run('opt-destroy', { path: '/slowhead', timeout: 100 }, { onTimeout: (r) => r.destroy() });
  await run('set-destroy-err', { path: '/slowhead' }, { before: (r) => r.setTimeout(100, () => log('set cb')), onTimeout: (r) => r.destroy(Object.assign(new Error('my timeout'), { code: 'ETIMEDOUT' })) });
  await run('no-destroy', { path: '/slowhead', timeout: 100 }, {});
  await run('body-timeout', { path: '/slowbody', timeout: 100 }, { onTimeout: (r) => r.destroy() });
  await run('abort', { path: '/slowhead', timeout: 100 }, { onTimeout: (r) => r.abort() });
  await run('fast', { path: '/', timeout: 100 }, {});
  await run('socket-set', { path: '/slowhead' }, { before: (r) => r.on('socket', (s) => s.setTimeout(100)), onTimeout: (r) => r.destroy() });
  await run('zero', { path: '/slowhead' }, { before: (r) => { r.setTimeout(100); r.setTimeout(0); } });
  try { http.request({ port, timeout: 'x' }); } catch (e) { log('bad timeout', e.code, e.message); }
  const r2 = http.request({ port, host: '127.0.0.1' });
  r2.on('error', (e) => log('r2 error', e.code));
  try { r2.setTimeout('x'); } catch (e) { log('bad setTimeout', e.code, e.message); }
  try { r2.setTimeout(-1); } catch (e) { log('bad setTimeout', e.code, e.message); }
  r2.destroy();
  srv.close(() => log('closed'));
  srv.closeAllConnections();
});
