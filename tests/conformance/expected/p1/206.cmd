revision -m "next step" --rev-id a-b@c
