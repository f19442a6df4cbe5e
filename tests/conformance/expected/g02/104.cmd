show 829a22fe99a2
