// The child is process.execPath -e: node when recording, the test binary
// acting as jsvm (JSVM_CP_TEST_CHILD) under go test.
const cp = require('child_process');
const childCode = `
process.on('message', (m) => {
  process.send({ echo: m, connected: process.connected });
  if (m === 'bye') process.disconnect();
});
process.send('ready');
console.log('child stdout', typeof process.send, process.env.NODE_CHANNEL_FD);
`;
const env = Object.assign({}, process.env, { JSVM_CP_TEST_CHILD: '1' });
const child = cp.spawn(process.execPath, ['-e', childCode], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'], env });
let out = '';
child.stdout.on('data', (d) => { out += d; });
console.log('connected', child.connected);
child.on('message', (m) => {
  console.log('parent got', JSON.stringify(m));
  if (m === 'ready') {
    child.send({ a: [1, 'two'] });
    child.send('bye');
  }
});
child.on('disconnect', () => console.log('disconnect', child.connected));
child.on('exit', (code, sig) => { exited = [code, sig]; });
let exited = null;
child.on('close', (code, sig) => {
  console.log('close', code, sig, JSON.stringify(exited), JSON.stringify(out));
  // A child that never reads its channel still exits.
  const c2 = cp.spawn(process.execPath, ['-e', 'process.send(1); console.log("sent")'], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'], env });
  c2.stdout.setEncoding('utf8');
  let out2 = '';
  const msgs = [];
  c2.stdout.on('data', (d) => { out2 += d; });
  c2.on('message', (m) => msgs.push(m));
  c2.on('close', (code) => console.log('c2 close', code, JSON.stringify(msgs), JSON.stringify(out2)));
});
