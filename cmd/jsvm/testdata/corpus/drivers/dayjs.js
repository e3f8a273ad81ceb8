const dayjs = require('dayjs');
const d = dayjs('2024-01-31T12:00:00.000Z');
console.log(d.add(1, 'month').toISOString(), d.startOf('year').toISOString(), d.diff(dayjs('2023-01-31T12:00:00.000Z'), 'day'), d.isValid());
