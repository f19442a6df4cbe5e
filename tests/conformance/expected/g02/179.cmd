stamp --sql d95bf2a4d27b
