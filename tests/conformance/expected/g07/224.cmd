stamp --sql ae2e7f150524:f9
