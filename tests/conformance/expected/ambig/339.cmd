revision -m "next step" --depends-on f00dcafe000
