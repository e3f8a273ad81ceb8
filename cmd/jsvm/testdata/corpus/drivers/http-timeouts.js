// request timeouts as clients use them: http.request's timeout option and req.setTimeout ('timeout', then
// the caller destroys), got's timeout.request, axios' timeout, node-fetch v2's timeout; a slow body too
const http = require('http');
const got = require('got');
const axios = require('axios');
const fetch2 = require('node-fetch-v2');
const srv = http.createServer((req, res) => {
  if (req.url.startsWith('/slowhead')) { setTimeout(() => res.end('late'), 300); return; }
  if (req.url.startsWith('/slowbody')) { res.write('a'); setTimeout(() => res.end('b'), 300); return; }
  res.end('fast');
});
srv.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${srv.address().port}`;
  await new Promise((resolve) => {
    const req = http.get(`${base}/slowhead`, { timeout: 50 });
    req.on('timeout', () => { console.log('http timeout event'); req.destroy(); });
    req.on('error', (e) => console.log('http error', e.code, e.message));
    req.on('close', resolve);
  });
  await new Promise((resolve) => {
    const req = http.get(`${base}/slowbody`, (res) => {
      res.on('data', (d) => console.log('body data', String(d)));
      res.on('error', (e) => console.log('body error', e.code, e.message));
      res.on('close', resolve);
    });
    req.setTimeout(50, () => { console.log('body timeout'); req.destroy(); });
  });
  try { await got(`${base}/slowhead`, { timeout: { request: 50 }, retry: { limit: 0 } }); } catch (e) { console.log('got', e.name, e.code, e.message); }
  console.log('got fast', (await got(`${base}/fast`, { timeout: { request: 200 } })).body);
  try { await axios.get(`${base}/slowhead`, { timeout: 50 }); } catch (e) { console.log('axios', e.code, e.message); }
  console.log('axios fast', (await axios.get(`${base}/fast`, { timeout: 200 })).data);
  try { await fetch2(`${base}/slowhead`, { timeout: 50 }); } catch (e) { console.log('node-fetch', e.name, e.type, e.message.replace(base, 'BASE')); }
  setTimeout(() => { srv.close(() => console.log('closed')); srv.closeAllConnections(); }, 350);
});
