const moment = require('moment');
const m = moment.utc('2024-03-15T10:20:30Z');
console.log(m.format('dddd, MMMM Do YYYY, h:mm:ss a'), m.clone().add(1, 'week').toISOString(), m.isBefore('2025-01-01'), moment.duration(90, 'minutes').humanize());
