// resource attack: an engine bug user code reaches (sobek panics on an await of a revoked Proxy in eval code, which jsvm does not parse; a throwing Proxy is guarded since faeff03) (runAsync)
const r = Proxy.revocable({}, {}); r.revoke(); const p = r.proxy; eval('(async () => { try { await Promise.all([(async () => { await p })()]) } catch {} })()')
