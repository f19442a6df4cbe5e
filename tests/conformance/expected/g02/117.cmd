show ext@head
