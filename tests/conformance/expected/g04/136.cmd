show alpha@head
