history -r :633ae0f9e038
