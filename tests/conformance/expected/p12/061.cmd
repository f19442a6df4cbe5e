upgrade head --sql
