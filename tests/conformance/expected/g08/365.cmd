revision -m "next step" --head 6018f658f7a7
