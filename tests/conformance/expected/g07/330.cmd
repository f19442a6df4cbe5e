history -r 9be449b64a08:9be449b64a08
