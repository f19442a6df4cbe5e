stamp --sql abc
