show ef8a8b4f2fc1
