history -r b2487b121dc5:78f87b3120df
