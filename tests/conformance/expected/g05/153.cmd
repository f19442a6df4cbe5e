show alpha@78f87b3120df
