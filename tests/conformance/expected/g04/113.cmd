show d939daca3c06
