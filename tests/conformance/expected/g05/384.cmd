revision -m "next step" --head c30d28dbd25e
