show delta
