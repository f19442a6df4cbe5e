upgrade head --sql --tag sometag
