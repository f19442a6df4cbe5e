show 1975ea83b712@head
