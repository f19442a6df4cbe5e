history -r b2487b121dc5:+2
