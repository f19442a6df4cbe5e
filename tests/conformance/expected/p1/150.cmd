upgrade head:heads --sql
