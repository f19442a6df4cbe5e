show z
