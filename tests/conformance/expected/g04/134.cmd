show gamma
