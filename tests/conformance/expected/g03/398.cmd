revision -m "next step" --head 21638b529b4a
