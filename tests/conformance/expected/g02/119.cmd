show ext@base
