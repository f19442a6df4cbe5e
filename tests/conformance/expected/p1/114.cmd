stamp --sql ae1027a6acf
