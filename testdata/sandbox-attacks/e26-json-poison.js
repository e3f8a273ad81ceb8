// SES: replace JSON / JSON.parse for the next run
try { JSON.parse = () => ({ pwned: 1 }) } catch (e) {} try { globalThis.JSON = { parse: () => 1, stringify: () => 'pwned' } } catch (e) {} 1
