show 8252feac7eb7
