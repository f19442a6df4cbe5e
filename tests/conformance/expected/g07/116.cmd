show 8edec3baea9e
