// resource attack: an engine bug user code reaches (sobek panics on an await of a throwing Proxy; findings.md, async helper) (runAsync)
const p = new Proxy({}, { get() { throw 1 } }); (async () => { try { await Promise.all([(async () => { await p })()]) } catch {} })()
