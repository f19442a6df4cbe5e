downgrade b2487b121dc5:c30d28dbd25e --sql
