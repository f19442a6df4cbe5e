show cd6
