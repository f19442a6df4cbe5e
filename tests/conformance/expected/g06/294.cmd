show 5c83a22ba4d7-1
