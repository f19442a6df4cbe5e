show billing@9be449b64a08
