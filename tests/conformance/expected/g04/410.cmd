revision -m "next step" --head 43001b2ed40e
