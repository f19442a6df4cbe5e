revision -m "next step" --version-path /nonexistent/elsewhere
