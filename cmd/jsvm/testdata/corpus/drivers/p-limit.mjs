// p-limit (ESM, yocto-queue): concurrency limiting with timers
import pLimit from 'p-limit';
const limit = pLimit(2);
let active = 0; let peak = 0;
const log = [];
const task = (i) => limit(async () => {
  active++; peak = Math.max(peak, active);
  await new Promise((r) => setTimeout(r, 5 * (4 - i)));
  log.push(i); active--;
  return i * 10;
});
const res = await Promise.all([0, 1, 2, 3].map(task));
console.log(res, peak, log.length, limit.activeCount, limit.pendingCount, limit.concurrency);
try { pLimit(0); } catch (e) { console.log(e.name, e.message); }
