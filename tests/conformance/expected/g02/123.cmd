show ext@5d300706a045
