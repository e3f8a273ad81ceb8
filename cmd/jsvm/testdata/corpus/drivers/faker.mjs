// @faker-js/faker with a fixed seed and reference date; seedrandom
import { faker } from '@faker-js/faker';
import seedrandom from 'seedrandom';
faker.seed(42);
faker.setDefaultRefDate(new Date('2024-01-01T00:00:00Z'));
console.log(faker.person.fullName(), faker.internet.email(), faker.location.city(), faker.number.int({ min: 1, max: 100 }));
console.log(faker.date.past().toISOString(), faker.string.uuid(), faker.lorem.sentence(), faker.helpers.arrayElement(['a', 'b', 'c']));
console.log(faker.helpers.multiple(() => faker.color.rgb(), { count: 3 }), faker.finance.amount());
const rng = seedrandom('hello.');
console.log([rng(), rng(), rng.int32()], seedrandom('x', { entropy: false })());
