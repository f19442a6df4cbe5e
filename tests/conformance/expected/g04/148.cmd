show alpha@b8a11a6916c7
