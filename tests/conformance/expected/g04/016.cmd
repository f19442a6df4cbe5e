history -r b8a11a6916c7:c79d46d4ac7a
