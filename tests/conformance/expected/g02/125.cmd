show ext@e252e44c5055
