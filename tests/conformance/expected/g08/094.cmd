show 7cc67589ca4a
