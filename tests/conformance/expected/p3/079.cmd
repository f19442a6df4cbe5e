show cccc0001
