// SES: poisoning Date/Math for the next run
try { Date.now = () => 0 } catch (e) {} try { Math.random = () => 4 } catch (e) {} try { Date.prototype.getTime = () => 0 } catch (e) {} 1
