show ba98ce1c9c17
