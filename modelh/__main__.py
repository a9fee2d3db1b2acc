"""`python -m modelh` runs the command-line tool."""

from modelh.cli import main

main()
