const { format, addDays, differenceInDays, parseISO, isValid } = require('date-fns');
const d = parseISO('2024-02-28T10:00:00Z');
console.log(format(addDays(d, 2), 'yyyy-MM-dd'), differenceInDays(parseISO('2024-03-10'), parseISO('2024-03-01')), isValid(new Date('x')));
