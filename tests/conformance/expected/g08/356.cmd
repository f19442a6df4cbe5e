stamp --sql cf
