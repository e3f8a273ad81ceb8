// dns.lookup on literals and localhost (offline), option checks, promises.
const dns = require('dns');
const util = require('util');
console.log(Object.keys(dns).length, Object.keys(dns.promises).length, dns.NOTFOUND, dns.ADDRCONFIG, dns.getDefaultResultOrder());
(async () => {
  await new Promise((r) => dns.lookup('localhost', { family: 4 }, (e, a, f) => { console.log('localhost', e, a, f); r(); }));
  await new Promise((r) => dns.lookup('localhost', { all: true, family: 4 }, (e, a) => { console.log('all', a); r(); }));
  await new Promise((r) => dns.lookup('10.1.2.3', (e, a, f) => { console.log('v4 literal', e, a, f); r(); }));
  console.log('promises', await dns.promises.lookup('127.0.0.1'), await dns.promises.lookup('::1', { all: true }));
  console.log('promisify', await util.promisify(dns.lookup)('::1'));
  console.log('dns/promises', require('dns/promises') === dns.promises);
  for (const f of [() => dns.lookup('x', { family: 5 }, () => {}), () => dns.lookup(5, () => {}), () => dns.lookup('x'),
    () => dns.setDefaultResultOrder('nope'), () => dns.reverse('not-ip', () => {}), () => dns.resolve('x', 'BOGUS', () => {})]) {
    try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.code); }
  }
  dns.setDefaultResultOrder('ipv4first');
  console.log(dns.getDefaultResultOrder(), new dns.Resolver().getServers().length >= 0);
})();
