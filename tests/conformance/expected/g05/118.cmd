show 32eaf6236bf2
