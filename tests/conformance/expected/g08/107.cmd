show 0b35
