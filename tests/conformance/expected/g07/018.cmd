history -v -r b:451af1d69ed6
