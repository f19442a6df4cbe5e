history -r d95bf2a4d27b:d95bf2a4d27b
