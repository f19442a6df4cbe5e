revision -m "next step" --head b8a11a6916c7
