// resource attack: JSON.parse nesting
JSON.parse('['.repeat(10000000))
