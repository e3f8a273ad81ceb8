const semver = require('semver');
console.log(semver.valid('1.2.3'), semver.satisfies('1.2.3', '^1.0.0'), semver.gt('2.0.0', '1.9.9'), semver.maxSatisfying(['1.2.3', '1.4.0', '2.0.0'], '~1.4'), semver.coerce('v3.x').version, semver.inc('1.2.3', 'prerelease', 'beta'));
