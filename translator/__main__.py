"""`python -m translator` runs the command line."""

from translator.launch import main

main()
