revision -m "next step" --head 5bc8bde5c099
