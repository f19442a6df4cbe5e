show 57eee00902c7
