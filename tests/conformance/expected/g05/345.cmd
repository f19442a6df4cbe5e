upgrade b2487b121dc5:78f87b3120df-1 --sql
