upgrade b2487b121dc5:heads --sql
