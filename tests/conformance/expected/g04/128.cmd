show 8ca5
