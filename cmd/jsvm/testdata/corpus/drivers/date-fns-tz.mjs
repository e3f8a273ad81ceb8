// date-fns-tz and chrono-node: time zones and natural-language dates from a fixed reference
import { formatInTimeZone, toZonedTime, fromZonedTime, getTimezoneOffset } from 'date-fns-tz';
import * as chrono from 'chrono-node';
const d = new Date('2024-03-10T06:30:00Z');
console.log(formatInTimeZone(d, 'America/New_York', 'yyyy-MM-dd HH:mm zzz XXX'), formatInTimeZone(d, 'Asia/Kolkata', 'HH:mm XXX'), formatInTimeZone(d, 'Europe/Berlin', 'EEEE HH:mm'));
console.log(toZonedTime(d, 'Asia/Tokyo').toISOString(), fromZonedTime('2024-07-01 12:00:00', 'Europe/London').toISOString(), getTimezoneOffset('America/Los_Angeles', d) / 3600000);
const ref = new Date('2024-05-15T12:00:00Z');
for (const s of ['tomorrow at 5pm', 'next friday', '3 days ago', 'June 3rd 2025 10:30', 'in 2 weeks']) {
  const r = chrono.parseDate(s, { instant: ref, timezone: 'UTC' }, { forwardDate: false });
  console.log(s, '->', r && r.toISOString());
}
console.log(chrono.parse('meet me from 2pm to 4pm on Monday', ref).map((p) => [p.text, p.index]));
