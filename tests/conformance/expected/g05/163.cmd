show 5bc8bde5c099@head
