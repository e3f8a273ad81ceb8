console.log("in cyc.cjs"); try { require("./cyc.mjs") } catch (e) { console.log("inner", e.code); throw e }
