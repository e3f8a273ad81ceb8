// resource attack: thenable loop (runAsync)
const t = { then(r) { Promise.resolve().then(() => t.then(r)) } }; Promise.resolve(t)
