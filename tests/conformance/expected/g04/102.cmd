show b8a11a6916c7
