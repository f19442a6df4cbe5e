show b2487b121dc5
