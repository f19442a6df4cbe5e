show 0edca92d04a3
