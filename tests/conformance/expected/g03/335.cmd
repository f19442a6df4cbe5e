history -r 633ae0f9e038:633ae0f9e038
