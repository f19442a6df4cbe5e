show ext
