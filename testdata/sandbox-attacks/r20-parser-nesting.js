// resource attack: parser nesting
eval('['.repeat(1000000))
