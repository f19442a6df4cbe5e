show 9b0810c67fd9
