revision -m "next step" --head 28ce10645d51
