revision -m "next step" --head d95bf2a4d27b
