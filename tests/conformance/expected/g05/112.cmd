show c30d28dbd25e
