show 54f410acff00
