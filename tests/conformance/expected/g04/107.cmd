show c79d46d4ac7a
