// nodemailer: compose a multipart message with an attachment (stream transport, fixed ids and date)
const nodemailer = require('nodemailer');
const t = nodemailer.createTransport({ streamTransport: true, newline: 'unix', buffer: true });
t.sendMail({
  from: '"Ann" <ann@example.com>', to: 'bob@example.com, "Çé" <c@example.com>', subject: 'Hi ✓ there',
  text: 'plain body', html: '<b>html body</b>', messageId: '<fixed@example.com>', date: new Date('2020-01-01T00:00:00Z'),
  attachments: [{ filename: 'a.txt', content: 'attached text' }, { filename: 'b.bin', content: Buffer.from([0, 1, 2, 255]) }],
}, (err, info) => {
  if (err) { console.log('error', err.message); return; }
  const msg = info.message.toString().replace(/_NmP-[0-9a-f]+/g, "_NmP-X");
  console.log(info.envelope, info.messageId);
  console.log(msg.split('\n').filter((l) => !/^X-Laziness|^MIME-Version/.test(l)).join('\n'));
});
t.sendMail({ from: 'a@b.c' }, (err, info) => console.log('no recipients:', err ? err.message : info.envelope));
