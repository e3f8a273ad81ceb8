// moment-timezone: zone data (no Intl needed), conversions, DST
const moment = require('moment-timezone');
const t = moment.tz('2024-03-10 01:30', 'America/New_York');
console.log(t.format(), t.clone().add(1, 'hour').format(), t.tz('Asia/Tokyo').format('YYYY-MM-DD HH:mm z'), moment.tz.zone('Europe/Paris').abbr(1700000000000));
console.log(moment.utc('2024-06-01T12:00:00Z').tz('Australia/Sydney').format('LLLL Z'), moment.tz.names().length > 400, moment.tz('2024-11-03 01:30', 'America/Chicago').isDST());
