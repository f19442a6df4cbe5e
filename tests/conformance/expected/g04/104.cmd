show 8ca566ceab36
