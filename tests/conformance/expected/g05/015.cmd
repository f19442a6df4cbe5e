history -r 78f87b3120df:b2487b121dc5
