stamp --sql fd
