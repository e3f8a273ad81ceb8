// luxon: DateTime in fixed zones, Intl-backed formatting, durations, intervals
const { DateTime, Duration, Interval, Settings } = require('luxon');
Settings.defaultZone = 'utc';
const d = DateTime.fromISO('2024-02-29T13:45:12.345Z');
console.log(d.toISO(), d.toMillis(), d.weekday, d.ordinal, d.isInLeapYear, d.daysInMonth);
console.log(d.plus({ months: 1, days: 3 }).toISODate(), d.minus({ years: 1 }).toISODate(), d.startOf('week').toISO());
console.log(d.toFormat('yyyy LLL dd HH:mm:ss.SSS'), d.toFormat("EEEE',' MMMM d"));
console.log(d.setZone('UTC+5').toISO(), d.setZone('UTC-3:30').toFormat('ZZ'));
const dur = Duration.fromObject({ hours: 2, minutes: 90 });
console.log(dur.shiftTo('hours').toObject(), dur.toISO(), dur.as('seconds'), Duration.fromISO('P1Y2M3DT4H').toObject());
const iv = Interval.fromDateTimes(d, d.plus({ days: 10 }));
console.log(iv.length('days'), iv.contains(d.plus({ days: 2 })), iv.splitBy({ days: 4 }).map((i) => i.toISODate()));
console.log(DateTime.fromFormat('12/31/2023 23:59', 'MM/dd/yyyy HH:mm').toISO(), DateTime.fromISO('garbage').isValid, DateTime.fromISO('garbage').invalidReason);
console.log(DateTime.fromMillis(0).toRFC2822(), DateTime.fromSeconds(1700000000).toHTTP(), d.diff(DateTime.fromISO('2024-01-01'), ['months', 'days']).toObject());
console.log(DateTime.max(d, d.plus({ hours: 1 })).toISO(), d.toJSON(), d.toSQL(), d.toLocaleString(DateTime.DATE_FULL));
