history -r :42a0ce80c4b0-2
