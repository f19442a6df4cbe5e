downgrade heads:b2487b121dc5 --sql
