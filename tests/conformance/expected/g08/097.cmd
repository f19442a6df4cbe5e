show c24f3bf36a14
