show alpha@21638b529b4a
