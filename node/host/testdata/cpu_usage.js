const s = process.cpuUsage(); let x = 0; for (let i = 0; i < 1e5; i++) x += i;
const d = process.cpuUsage(s); console.log(typeof d.user, d.user >= 0 && d.user < 5e6, d.system >= 0);
for (const bad of [5, null, 'x', {}, {user: -1, system: 0}, {user: 'a', system: 0}, {user: 1, system: NaN}, {user: 1, system: Infinity}, {user: 1}]) {
  try { process.cpuUsage(bad); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
}
