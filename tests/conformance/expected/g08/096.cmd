show 6716d49d0ac1
