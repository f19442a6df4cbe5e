show +1
